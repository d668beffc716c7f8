// The call-record spill folder every instance shares (CallRecords__SpillFolder; docs/call-records.md, "Durability on
// Flex Consumption"): an Azure Files share mounted into the Function App. It lives in a second storage account, so an
// outage of the tables' account does not take the share with it. An SMB mount authenticates with the account key, so
// this account (unlike the main one) keeps shared-key access; the key goes straight from listKeys() into the mount and
// is never an output or an app setting.
param location string
param tags object
param name string
@allowed(['Standard_ZRS', 'Standard_GZRS', 'Standard_RAGZRS', 'Standard_LRS', 'Standard_GRS'])
param skuName string
param functionAppName string
@description('Where the share appears inside the app (Linux: an absolute path, not under /home).')
param mountPath string
param shareName string = 'call-records'
@description('Share size in GiB: spilled records are a few hundred bytes each, so 100 GiB holds far more than an outage produces.')
param quotaGiB int = 100

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }

  resource fileServices 'fileServices' = {
    name: 'default'
    resource share 'shares' = {
      name: shareName
      properties: {
        shareQuota: quotaGiB
        accessTier: 'TransactionOptimized'
      }
    }
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource mount 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'azurestorageaccounts'
  properties: {
    callrecords: {
      type: 'AzureFiles'
      protocol: 'Smb'
      accountName: account.name
      shareName: shareName
      mountPath: mountPath
      accessKey: account.listKeys().keys[0].value
    }
  }
  dependsOn: [account::fileServices::share]
}

output name string = account.name
output mountPath string = mountPath
