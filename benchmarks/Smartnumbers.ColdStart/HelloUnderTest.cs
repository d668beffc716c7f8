namespace Smartnumbers.ColdStart;

/// <summary>The floor: the hello-world minimal API, timed from process start to its first 200.</summary>
internal sealed class HelloUnderTest(string directory)
{
    public async Task<TimeSpan> TimeFirstAnswerAsync()
    {
        var port = Ports.Free();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        using var process = StartedProcess.Start(directory, "Smartnumbers.HelloWorld", port, new Dictionary<string, string>());
        return await process.UntilAsync(async () =>
        {
            using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
            return response.IsSuccessStatusCode;
        });
    }
}
