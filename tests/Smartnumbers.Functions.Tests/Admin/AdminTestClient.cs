using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

/// <summary>HTTP helpers for the admin API: one test account, its keys, JSON in and out.</summary>
public sealed class AdminTestClient(HttpClient http, string account)
{
    public const string Number = "+441134960001";

    public string Account { get; } = account;

    public HttpClient Http { get; } = http;

    public string Base => "/api/accounts/" + Account;

    /// <summary>A new account (created with the bootstrap key) ready for the test.</summary>
    public static async Task<AdminTestClient> CreateAsync(SmartnumbersAppFactory factory)
    {
        var http = factory.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
        var client = new AdminTestClient(http, SmartnumbersAppFactory.NewAccountId());
        using var created = await client.SendAsync(HttpMethod.Put, "", """{"name":"Test bank","homeRegion":"GB"}""", SmartnumbersAppFactory.BootstrapKey);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return client;
    }

    /// <summary>A new account-scoped key of <paramref name="role"/>, issued with the bootstrap key.</summary>
    public async Task<string> KeyAsync(string role)
    {
        using var response = await SendAsync(HttpMethod.Post, "/keys", $$"""{"role":"{{role}}","name":"{{role}} key"}""", SmartnumbersAppFactory.BootstrapKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? key = SmartnumbersAppFactory.BootstrapKey, string? ifMatch = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, Base + path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PutAsync(string path, string json, string? key = SmartnumbersAppFactory.BootstrapKey, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, path, json, key, ifMatch);

    public Task<HttpResponseMessage> GetAsync(string path, string? key = SmartnumbersAppFactory.BootstrapKey) => SendAsync(HttpMethod.Get, path, null, key);

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null, string? key = SmartnumbersAppFactory.BootstrapKey, string? ifMatch = null) =>
        SendAsync(HttpMethod.Post, path, json, key, ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? key = SmartnumbersAppFactory.BootstrapKey, string? ifMatch = null) =>
        SendAsync(HttpMethod.Delete, path, null, key, ifMatch);

    public async Task<JsonNode> JsonAsync(string path, string? key = SmartnumbersAppFactory.BootstrapKey)
    {
        using var response = await GetAsync(path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    /// <summary>Every audit row of the account, newest first, following continuations.</summary>
    public async Task<List<JsonNode>> AuditAsync()
    {
        var rows = new List<JsonNode>();
        string? next = null;
        do
        {
            var page = await JsonAsync("/audit?limit=7" + (next is null ? "" : "&continuation=" + next));
            rows.AddRange(page["entries"]!.AsArray().Select(e => e!));
            next = page["continuation"]?.GetValue<string>();
        }
        while (next is not null);
        return rows;
    }

    public static string Route(string destination, int ringSeconds = 20) =>
        $$"""{"steps":[{"destinations":["{{destination}}"],"ringSeconds":{{ringSeconds}}}]}""";

    public static string NumberDoc(string destination = "+441134960000") => $$"""{"label":"Retail","route":{{Route(destination)}}}""";

    public static string PlanDoc(string number, string destination = "+442079460000") =>
        $$"""{"name":"Plan","entries":[{"number":"{{number}}","route":{{Route(destination)}}}]}""";

    /// <summary>A random number of the account (a valid UK mobile) so parallel tests never claim the same one.</summary>
    public static string NewNumber() => "+44771" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonNode> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static string ETag(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) ? values.First() : throw new InvalidOperationException("no ETag");
}
