// One storage account: the Functions host storage (blob, managed identity), the deployment package container,
// the app's tables, the queue the site events go to and the Event Grid dead-letter container. Shared-key access is
// off: everything uses Entra ID.
param location string
param tags object
param name string
param deploymentContainerName string
@description('Tables the app uses; declared here so they exist before the first call (the app also creates them).')
param tableNames string[]
@allowed(['Standard_ZRS', 'Standard_GZRS', 'Standard_RAGZRS', 'Standard_LRS', 'Standard_GRS'])
@description('Redundancy: ZRS (three zones of the region) by default; GZRS adds a copy in the paired region. LRS/GRS only for regions without availability zones.')
param skuName string
@description('Blob container Event Grid dead-letters undeliverable events into.')
param deadLetterContainerName string
@description('Queue the Smartnumbers site events (down, restored) are delivered to.')
param siteEventsQueueName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
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
    resource deadLetterContainer 'containers' = {
      name: deadLetterContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource queueServices 'queueServices' = {
    name: 'default'
    resource siteEvents 'queues' = {
      name: siteEventsQueueName
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
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
