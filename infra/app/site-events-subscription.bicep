// Failover events reach someone: the app's Smartnumbers.Site.Down / Site.Restored CloudEvents go from the custom topic
// to a storage queue (the topic's identity, Storage Queue Data Message Sender), where an operator's tooling or a Logic
// App reads them; deliveries that fail every retry are dead-lettered to blob storage. The site-down alert
// (alerts.bicep) emails the Action Group independently of this queue.
param topicName string
param storageAccountId string
param queueName string
param deadLetterContainerName string

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: topicName
}

resource siteEvents 'Microsoft.EventGrid/topics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'site-events-to-queue'
  properties: {
    eventDeliverySchema: 'CloudEventSchemaV1_0'
    filter: {
      includedEventTypes: ['Smartnumbers.Site.Down', 'Smartnumbers.Site.Restored']
    }
    deliveryWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storageAccountId
          queueName: queueName
          queueMessageTimeToLiveInSeconds: 604800
        }
      }
    }
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output name string = siteEvents.name
