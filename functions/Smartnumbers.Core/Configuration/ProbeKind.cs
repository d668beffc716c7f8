using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Configuration;

/// <summary>How a site's delivery health is probed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProbeKind>))]
public enum ProbeKind
{
    /// <summary>SIP OPTIONS to a sip: URI; ";transport=udp|tcp" picks the transport (UDP by default).</summary>
    [JsonStringEnumMemberName("sipOptions")] SipOptions,
    /// <summary>HTTP(S) GET; 2xx is healthy.</summary>
    [JsonStringEnumMemberName("http")] Http,
    /// <summary>TCP connect to host:port.</summary>
    [JsonStringEnumMemberName("tcp")] Tcp,
}
