// The Flex Consumption plan and the Function App (Linux, runtime `custom`: the self-contained custom-handler
// package from `dotnet publish`). App settings are applied separately (appsettings.bicep), once the identity has
// its roles and the Key Vault secrets exist.
param location string
param tags object
param planName string
param name string
param serviceName string
param deploymentBlobEndpoint string
param deploymentContainerName string
@allowed([512, 2048, 4096])
param instanceMemoryMB int
@minValue(40)
@maxValue(1000)
@description('Flex Consumption accepts 40 to 1000.')
param maximumInstanceCount int
@description('Instances kept warm for HTTP functions: a cold start must not cost a ringing call.')
@minValue(0)
param alwaysReadyInstances int
@description('Subnet for VNet integration (outbound through its NAT gateway); empty: no VNet.')
param subnetId string = ''

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${deploymentBlobEndpoint}${deploymentContainerName}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      runtime: {
        name: 'custom'
        version: '1.0'
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyInstances }] : []
      }
    }
  }
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
