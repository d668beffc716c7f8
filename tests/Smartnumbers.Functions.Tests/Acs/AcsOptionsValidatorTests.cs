using Smartnumbers.Functions.Acs;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Start-up refuses ACS settings that cannot work, with one line naming the key.</summary>
public sealed class AcsOptionsValidatorTests
{
    private static AcsOptions Valid() => new()
    {
        ConnectionString = "endpoint=https://acs.example/;accesskey=" + Convert.ToBase64String(new byte[32]),
        ResourceId = Guid.NewGuid().ToString(),
        CallbackBaseUrl = "https://app.example",
        EventGridSecret = "0123456789abcdef0123",
        CallerId = "+448001234567",
    };

    private static string? Error(AcsOptions o)
    {
        var result = new AcsOptionsValidator().Validate(null, o);
        return result.Failed ? result.FailureMessage : null;
    }

    [Fact]
    public void Unconfigured_acs_is_valid_and_off()
    {
        var o = new AcsOptions();

        Assert.Null(Error(o));
        Assert.False(o.IsEnabled);
    }

    [Fact]
    public void Complete_settings_are_valid_and_default_to_the_sdk_api_version()
    {
        var o = Valid();

        Assert.Null(Error(o));
        Assert.Equal("2026-03-12", o.ApiVersion);
        Assert.Equal(o.ResourceId, o.EffectiveCallbackAudience);
    }

    public static TheoryData<string, string> Broken => new()
    {
        { "ConnectionString=endpoint=http://x/;accesskey=AAAA", "Acs__ConnectionString" },
        { "ConnectionString=endpoint=https://x/", "Acs__ConnectionString" },
        { "CallbackBaseUrl=", "Acs__CallbackBaseUrl" },
        { "ResourceId=", "Acs__ResourceId" },
        { "EventGridSecret=", "Acs__EventGridSecret" },
        { "EventGridSecret=short", "Acs__EventGridSecret" },
        { "CallerId=07700900123", "Acs__CallerId" },
        { "ApiVersion=latest", "Acs__ApiVersion" },
        { "EventGridAuth=Entra", "Acs__EventGridAudience" },
        { "Endpoint=https://acs.example", "Acs__Endpoint" },
        { "OperationTimeoutSeconds=40", "Acs__OperationTimeoutSeconds" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_setting_is_named_in_one_line(string change, string key)
    {
        var o = Valid();
        var eq = change.IndexOf('=', StringComparison.Ordinal);
        var (name, value) = (change[..eq], change[(eq + 1)..]);
        var property = typeof(AcsOptions).GetProperty(name)!;
        property.SetValue(o, property.PropertyType.IsEnum ? Enum.Parse(property.PropertyType, value)
            : property.PropertyType == typeof(double) ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        var error = Error(o);

        Assert.NotNull(error);
        Assert.StartsWith(key + ":", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void Comma_separated_secrets_allow_rotation()
    {
        var o = Valid();
        o.EventGridSecret = " old-secret-0123456789 , new-secret-0123456789 ";

        Assert.Equal(["old-secret-0123456789", "new-secret-0123456789"], o.EventGridSecrets);
        Assert.Null(Error(o));
    }
}
