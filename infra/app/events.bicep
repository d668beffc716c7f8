// The Event Grid custom topic the app publishes its CloudEvents to (outbox → topic). Keys are off: the app
// publishes with its managed identity (EventGrid Data Sender).
param location string
param tags object
param name string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = topic.name
output endpoint string = topic.properties.endpoint
