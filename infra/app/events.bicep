// The Event Grid custom topic the app publishes its CloudEvents to (outbox → topic). Keys are off: the app
// publishes with its managed identity (EventGrid Data Sender). The topic has an identity of its own to deliver to the
// site-events queue and to dead-letter (site-events-subscription.bicep, once rbac.bicep has given it its roles).
param location string
param tags object
param name string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = topic.name
output principalId string = topic.identity.principalId
output endpoint string = topic.properties.endpoint
