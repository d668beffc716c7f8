// Smartnumbers on Azure: `azd up` provisions this, deploys the custom-handler package to the Function App, then
// the postdeploy hook subscribes /api/acs/incoming to ACS IncomingCall events (eventgrid-subscription.bicep).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region for everything but ACS (global). Must offer Flex Consumption.')
param location string

@description('The deploying user (azd: AZURE_PRINCIPAL_ID). Gets table and topic access for local runs.')
param principalId string = ''

@secure()
@description('Twilio auth token (validates X-Twilio-Signature). Empty: the Twilio endpoints answer 403.')
param twilioAuthToken string = ''

@secure()
@description('Bootstrap admin key (creates accounts and keys). Empty: the admin API stays closed.')
param bootstrapAdminKey string = ''

@secure()
@description('Secret query parameter Event Grid must put on /api/acs/incoming (Acs__EventGridSecret).')
param eventGridSecret string = ''

@description('ACS phone number used as caller ID on PSTN legs (E.164). Bought in the portal after the first deploy.')
param acsCallerId string = ''

@description('Where ACS stores data at rest.')
param acsDataLocation string = 'United States'

@allowed(['connectionString', 'managedIdentity'])
@description('How the app calls ACS: the connection string from Key Vault, or its managed identity (broad role, see docs).')
param acsAuth string = 'connectionString'

@allowed(['primary', 'secondary'])
@description('Which ACS access key the stored connection string uses (connectionString mode); switch it to rotate keys.')
param acsKey string = 'primary'

@description('Tables the app uses (a test checks this list against the tables the app registers). The app creates them too; listing them here makes them exist up front.')
param tableNames string[] = [
  'AccountConfig'
  'AcsCalls'
  'AcsEvents'
  'CallCounters'
  'CallLabels'
  'CallRecords'
  'DeliveryOutcomes'
  'EventOutbox'
  'IvrLockouts'
  'IvrSessions'
  'NumberIndex'
  'RiskModels'
  'ScheduleDue'
  'SiteHealth'
]

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@minValue(0)
@description('Always-ready instances for HTTP functions (billed while idle); 0 accepts cold starts on the call path.')
param alwaysReadyInstances int = 1

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    location: location
    tags: tags
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    deploymentContainerName: deploymentContainerName
    tableNames: tableNames
  }
}

module events 'app/events.bicep' = {
  name: 'events'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.eventGridDomainsTopics}${resourceToken}'
  }
}

module acs 'app/acs.bicep' = {
  name: 'acs'
  scope: rg
  params: {
    tags: tags
    name: '${abbrs.communicationServices}${resourceToken}'
    systemTopicName: '${abbrs.eventGridSystemTopics}${abbrs.communicationServices}${resourceToken}'
    emailServiceName: '${abbrs.communicationEmailServices}${resourceToken}'
    dataLocation: acsDataLocation
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    location: location
    tags: tags
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    twilioAuthToken: twilioAuthToken
    bootstrapAdminKey: bootstrapAdminKey
    eventGridSecret: eventGridSecret
    acsNameForConnectionString: acsAuth == 'connectionString' ? acs.outputs.name : ''
    acsKey: acsKey
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    location: location
    tags: tags
    planName: '${abbrs.webServerFarms}${resourceToken}'
    name: functionAppName
    serviceName: 'api'
    deploymentBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    appPrincipalId: api.outputs.principalId
    userPrincipalId: principalId
    storageAccountName: storage.outputs.name
    eventGridTopicName: events.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    acsName: acsAuth == 'managedIdentity' ? acs.outputs.name : ''
  }
}

// Only secrets that were supplied are referenced: a reference to a missing secret would break the setting.
var keyVaultSettings = union(
  empty(twilioAuthToken) ? {} : { Twilio__AuthToken: keyVault.outputs.twilioAuthTokenUri },
  empty(bootstrapAdminKey) ? {} : { Admin__BootstrapKey: keyVault.outputs.bootstrapAdminKeyUri },
  empty(eventGridSecret) ? {} : { Acs__EventGridSecret: keyVault.outputs.eventGridSecretUri },
  acsAuth == 'connectionString' ? { Acs__ConnectionString: keyVault.outputs.acsConnectionStringUri } : {}
)

module appSettings 'app/appsettings.bicep' = {
  name: 'appsettings'
  scope: rg
  dependsOn: [rbac]
  params: {
    functionAppName: api.outputs.name
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    eventGridTopicEndpoint: events.outputs.endpoint
    acsAuth: acsAuth
    acsEndpoint: acs.outputs.endpoint
    acsResourceId: acs.outputs.immutableResourceId
    acsCallerId: acsCallerId
    emailSenderAddress: acs.outputs.emailSenderAddress
    keyVaultSettings: keyVaultSettings
  }
}

// azd stores every output in the environment (.azure/<env>/.env); the hooks and docs/deploy.md use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output SERVICE_API_BASE_URL string = appSettings.outputs.publicBaseUrl
output TWILIO_VOICE_URL string = '${appSettings.outputs.publicBaseUrl}/api/twilio/voice'
output TWILIO_STATUS_CALLBACK_URL string = '${appSettings.outputs.publicBaseUrl}/api/twilio/status'
output ACS_INCOMING_URL string = '${appSettings.outputs.publicBaseUrl}/api/acs/incoming'
output ACS_NAME string = acs.outputs.name
output ACS_ENDPOINT string = acs.outputs.endpoint
output ACS_SYSTEM_TOPIC_NAME string = acs.outputs.systemTopicName
output EVENTGRID_TOPIC_NAME string = events.outputs.name
output EVENTGRID_TOPIC_ENDPOINT string = events.outputs.endpoint
output HEALTH_URL string = '${appSettings.outputs.publicBaseUrl}/api/health'
