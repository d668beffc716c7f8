// The Function App's settings (docs/deploy.md lists them). ARM replaces the whole set on every deployment: everything the app
// needs is here. Secrets are Key Vault references. Never on Flex: FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE, WEBSITE_CONTENT*, SCM_DO_BUILD_DURING_DEPLOYMENT.
param functionAppName string
param storageAccountName string
param tableEndpoint string
param applicationInsightsConnectionString string
param eventGridTopicEndpoint string
@allowed(['connectionString', 'managedIdentity'])
param acsAuth string
param acsEndpoint string
@description('ACS immutable resource id: the audience the app checks on Call Automation callback JWTs.')
param acsResourceId string
param acsCallerId string
@description('From address of notification emails: DoNotReply@ the Azure-managed domain linked to ACS.')
param emailSenderAddress string
@description('Key Vault secret URIs by setting name; only secrets that exist are passed.')
param keyVaultSettings object
@description('EmergencyRoute__Destinations: comma-separated E.164 numbers; empty: no emergency route.')
param emergencyDestinations string
@description('CallRecords__SpillFolder: the mount path of the Azure Files share every instance sees.')
param spillFolder string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

var publicBaseUrl = 'https://${site.properties.defaultHostName}'

var plainSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  Storage__AccountUri: tableEndpoint
  EventGrid__Endpoint: eventGridTopicEndpoint
  Twilio__PublicBaseUrl: publicBaseUrl
  Acs__CallbackBaseUrl: publicBaseUrl
  Acs__ResourceId: acsResourceId
  Notifications__SenderAddress: emailSenderAddress
  CallRecords__SpillFolder: spillFolder
  Notifications__ConsoleBaseUrl: publicBaseUrl
}
var emergencySettings = empty(emergencyDestinations) ? {} : { EmergencyRoute__Destinations: emergencyDestinations }
var acsSettings = union(
  acsAuth == 'managedIdentity' ? { Acs__Endpoint: acsEndpoint } : {},
  empty(acsCallerId) ? {} : { Acs__CallerId: acsCallerId }
)
var secretSettings = toObject(items(keyVaultSettings), kv => kv.key, kv => '@Microsoft.KeyVault(SecretUri=${kv.value})')

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(plainSettings, acsSettings, emergencySettings, secretSettings)
}

output publicBaseUrl string = publicBaseUrl
