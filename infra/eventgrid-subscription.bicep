// ACS IncomingCall → POST /api/acs/incoming?secret=<Acs__EventGridSecret>. Deployed by the azd postdeploy hook
// (hooks/postdeploy.sh) once the code is live: Event Grid sends the SubscriptionValidation handshake on creation.
// A ringing call cannot wait: one retry at most, and an event older than a minute is dropped.
targetScope = 'resourceGroup'

@description('The ACS Event Grid system topic (main.bicep output ACS_SYSTEM_TOPIC_NAME).')
param systemTopicName string

@secure()
@description('''${SERVICE_API_BASE_URL}/api/acs/incoming?secret=<Acs__EventGridSecret> (built by the hook; secure because
it carries the secret).''')
param endpointUrl string

param subscriptionName string = 'acs-incoming-call'

@description('The storage account (main.bicep output AZURE_STORAGE_ACCOUNT_ID) holding the dead-letter container.')
param deadLetterStorageAccountId string

@description('Blob container for deliveries that failed (main.bicep output EVENTGRID_DEADLETTER_CONTAINER).')
param deadLetterContainerName string

@description('''Optional: the E.164 numbers this deployment answers for (at most 24: Event Grid allows 25 filter values per
subscription). When set, Event Grid delivers only calls to them; when empty, every call to a phone number of the ACS
resource is delivered and the app leaves alone those no account owns.''')
@maxLength(24)
param ownedNumbers array = []

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource incomingCalls 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: endpointUrl
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Communication.IncomingCall']
      // Only calls to phone numbers (rawId "4:+…"): calls to ACS users and Teams identities on a shared resource are
      // another application's, and never reach us.
      advancedFilters: concat([
        {
          operatorType: 'StringBeginsWith'
          key: 'data.to.rawId'
          values: ['4:']
        }
      ], empty(ownedNumbers) ? [] : [
        {
          operatorType: 'StringIn'
          key: 'data.to.phoneNumber.value'
          values: ownedNumbers
        }
      ])
    }
    eventDeliverySchema: 'EventGridSchema'
    // Forensics: an IncomingCall that could not be delivered is kept as a blob (the system topic's identity writes it).
    deadLetterWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: deadLetterStorageAccountId
          blobContainerName: deadLetterContainerName
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 2
      eventTimeToLiveInMinutes: 1
    }
  }
}

output name string = incomingCalls.name
