// Azure Communication Services, its Email Communication Service (an Azure-managed domain linked to it, the sender of
// notification emails) and the Event Grid system topic that carries its IncomingCall events.
// The topic's subscription to /api/acs/incoming is created after the code is deployed
// (infra/eventgrid-subscription.bicep, run by the postdeploy hook): Event Grid validates the endpoint on creation.
param tags object
param name string
param systemTopicName string
param emailServiceName string
@allowed(['Africa', 'Asia Pacific', 'Australia', 'Brazil', 'Canada', 'Europe', 'France', 'Germany', 'India', 'Japan', 'Korea', 'Norway', 'Switzerland', 'UAE', 'UK', 'United States'])
param dataLocation string

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [emailDomain.id]
  }
}

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

// 'AzureManagedDomain' is the name Azure requires for the managed domain: DoNotReply@<guid>.azurecomm.net.
resource emailDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: 'global'
  tags: tags
  // Dead-letters failed IncomingCall deliveries to blob storage with this identity (rbac.bicep).
  identity: { type: 'SystemAssigned' }
  properties: {
    source: acs.id
    topicType: 'Microsoft.Communication.CommunicationServices'
  }
}

output name string = acs.name
output endpoint string = 'https://${acs.properties.hostName}/'
@description('The immutable resource id (GUID): the audience of the JWTs on Call Automation callbacks.')
output immutableResourceId string = acs.properties.immutableResourceId
output systemTopicName string = systemTopic.name
output systemTopicPrincipalId string = systemTopic.identity.principalId
@description('The From address of notification emails (Notifications__SenderAddress).')
output emailSenderAddress string = 'DoNotReply@${emailDomain.properties.mailFromSenderDomain}'
