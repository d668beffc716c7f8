// One storage account: the Functions host storage (blob, managed identity), the deployment package container,
// and the app's tables. Shared-key access is off: everything uses Entra ID.
param location string
param tags object
param name string
param deploymentContainerName string
@description('Tables the app uses; declared here so they exist before the first call (the app also creates them).')
param tableNames string[]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'
    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource tableServices 'tableServices' = {
    name: 'default'
    resource tables 'tables' = [for table in tableNames: {
      name: table
    }]
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
