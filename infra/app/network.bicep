// Optional (vnetEnabled): a VNet whose one subnet the Function App integrates with, and a NAT gateway with a static
// public IP on that subnet, so the app's outbound traffic (SIP OPTIONS and HTTP probes, Call Automation, Event Grid)
// leaves from one address customers' SBCs and firewalls can allow-list. Follows the azd Flex Consumption template's
// vnetEnabled pattern (subnet delegated to Microsoft.App/environments).
param location string
param tags object
param vnetName string
param natGatewayName string
param publicIpName string

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: publicIpName
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2024-05-01' = {
  name: natGatewayName
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [{ id: publicIp.id }]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.1.0/24'
          natGateway: { id: natGateway.id }
          delegations: [
            {
              name: 'flex'
              properties: { serviceName: 'Microsoft.App/environments' }
            }
          ]
        }
      }
    ]
  }
}

output subnetId string = vnet.properties.subnets[0].id
output outboundIp string = publicIp.properties.ipAddress
