// Who hears of trouble: an Action Group (email) and the alert rules over the app's telemetry in Log Analytics
// (AppMetrics: the instruments on meter Smartnumbers; AppRequests: every webhook), and a workbook charting them.
// docs/telemetry.md lists the instruments; docs/troubleshooting.md says what to do when each alert fires.
param location string
param tags object
param actionGroupName string
@description('Where alerts are emailed. Empty: the Action Group has no receiver (alerts still show in the portal).')
param alertEmail string
param logAnalyticsId string
param applicationInsightsId string
@minValue(1)
@description('Outbox rows pending on an instance for 5 minutes above which the outbox alert fires.')
param outboxThreshold int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'smartnumber'
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      {
        name: 'operator'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Webhook routes (carrier traffic): Twilio and ACS. The admin API is not on the call path.
var webhooks = 'AppRequests | where Url has "/api/twilio/" or Url has "/api/acs/"'

var rules = [
  {
    name: 'site-down'
    severity: 1
    description: 'A probed site went down (smartnumbers.site.transitions to=down): its failover plan is being activated.'
    query: 'AppMetrics | where Name == "smartnumbers.site.transitions" and tostring(Properties["to"]) == "down" | summarize Value = sum(Sum)'
    threshold: 0
    window: 'PT5M'
  }
  {
    name: 'dead-lettered-call-records'
    severity: 2
    description: 'Storage refused call records or counter rows outright (smartnumbers.callrecords.backlog state=dead_lettered > 0): they wait in dead-letter files for an operator.'
    query: 'AppMetrics | where Name == "smartnumbers.callrecords.backlog" and tostring(Properties["state"]) == "dead_lettered" | summarize Value = max(Sum)'
    threshold: 0
    window: 'PT15M'
  }
  {
    name: 'webhook-5xx'
    severity: 1
    description: 'A carrier webhook answered 5xx (503 sends Twilio to the Fallback URL: the owner of a number could not be read).'
    query: '${webhooks} | where toint(ResultCode) >= 500 | summarize Value = count()'
    threshold: 0
    window: 'PT5M'
  }
  {
    name: 'outbox-backlog'
    severity: 2
    description: 'Outbox rows stayed pending above the threshold for 5 minutes (smartnumbers.outbox.pending): Event Grid is not taking events.'
    query: 'AppMetrics | where Name == "smartnumbers.outbox.pending" | summarize Value = min(Sum) by AppRoleInstance'
    threshold: outboxThreshold
    window: 'PT5M'
  }
  {
    name: 'webhook-p99'
    severity: 2
    description: 'Webhook p99 latency above 1 s over 5 minutes: callers wait in silence.'
    query: '${webhooks} | summarize Value = percentile(DurationMs, 99)'
    threshold: 1000
    window: 'PT5M'
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for rule in rules: {
  name: 'smartnumbers-${rule.name}'
  location: location
  tags: tags
  properties: {
    displayName: 'Smartnumbers: ${rule.name}'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [logAnalyticsId]
    evaluationFrequency: 'PT5M'
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'Value'
          operator: 'GreaterThan'
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(applicationInsightsId, 'smartnumbers-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Smartnumbers calls'
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: loadTextContent('workbook.json')
  }
}

output actionGroupId string = actionGroup.id
output alertRuleNames array = [for (rule, i) in rules: alertRules[i].name]
