using System.Diagnostics;
using System.Net.Sockets;

namespace Smartnumbers.Functions.Tests.Infrastructure;

/// <summary>
/// The real Table Storage emulator the functional tests use. When SMARTNUMBERS_TEST_STORAGE is set (.ci/run and
/// scripts/test.sh start Azurite and set it), that connection string is used; otherwise one Azurite table service is
/// started from tools/node_modules for the whole test run and stopped when the process exits.
/// </summary>
public static class Azurite
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<string> Started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Isolated = new(StartProcess, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of the running Azurite.</summary>
    public static string ConnectionString => Started.Value;

    /// <summary>
    /// A second Azurite of its own (always started from tools/node_modules), for tests whose app would disturb the
    /// others' rows: one that publishes every pending outbox row, for instance.
    /// </summary>
    public static string IsolatedConnectionString => Isolated.Value;

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    private static string Start()
    {
        var provided = Environment.GetEnvironmentVariable("SMARTNUMBERS_TEST_STORAGE");
        if (!string.IsNullOrEmpty(provided))
        {
            return provided;
        }

        return StartProcess();
    }

    private static string StartProcess()
    {
        var bin = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite-table");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci --prefix tools` (looked for {bin}), or set SMARTNUMBERS_TEST_STORAGE.");
        }

        var port = FreePort.Next();
        var psi = new ProcessStartInfo(bin)
        {
            ArgumentList = { "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Azurite did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        };

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return ConnectionStringFor(port);
            }
            catch (SocketException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}");
                }

                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("Azurite did not listen within 30 s");
    }
}
