// Key Vault (RBAC authorization) holding the app's secrets. The app reads them through Key Vault references in
// its app settings (unversioned secret URIs: a new version is picked up on the next refresh or restart).
param location string
param tags object
param name string
@secure()
param twilioAuthToken string
@secure()
param bootstrapAdminKey string
@secure()
param eventGridSecret string
@secure()
@description('HMAC key for the caller hash on webhook spans (Telemetry__CallerHashKey).')
param telemetryCallerHashKey string
@description('When set, the ACS connection string (listKeys of this resource) is stored as a secret too.')
param acsNameForConnectionString string = ''
@allowed(['primary', 'secondary'])
@description('Which ACS key the stored connection string uses; switch to rotate the other key without downtime.')
param acsKey string = 'primary'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' existing = if (!empty(acsNameForConnectionString)) {
  name: empty(acsNameForConnectionString) ? 'unused' : acsNameForConnectionString
}

// Key Vault refuses empty secrets: a secret that was not supplied is not created and its setting is left out.
resource twilioSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(twilioAuthToken)) {
  parent: vault
  name: 'twilio-auth-token'
  properties: { value: twilioAuthToken }
}

resource bootstrapSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(bootstrapAdminKey)) {
  parent: vault
  name: 'admin-bootstrap-key'
  properties: { value: bootstrapAdminKey }
}

resource eventGridSecretResource 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(eventGridSecret)) {
  parent: vault
  name: 'acs-eventgrid-secret'
  properties: { value: eventGridSecret }
}

resource callerHashSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(telemetryCallerHashKey)) {
  parent: vault
  name: 'telemetry-caller-hash-key'
  properties: { value: telemetryCallerHashKey }
}

resource acsConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(acsNameForConnectionString)) {
  parent: vault
  name: 'acs-connection-string'
  properties: { value: acsKey == 'primary' ? acs!.listKeys().primaryConnectionString : acs!.listKeys().secondaryConnectionString }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Secret URIs (not values), unversioned. The caller knows which secrets it supplied and references only those.
output twilioAuthTokenUri string = '${vault.properties.vaultUri}secrets/twilio-auth-token'
output bootstrapAdminKeyUri string = '${vault.properties.vaultUri}secrets/admin-bootstrap-key'
output eventGridSecretUri string = '${vault.properties.vaultUri}secrets/acs-eventgrid-secret'
output telemetryCallerHashKeyUri string = '${vault.properties.vaultUri}secrets/telemetry-caller-hash-key'
output acsConnectionStringUri string = '${vault.properties.vaultUri}secrets/acs-connection-string'
