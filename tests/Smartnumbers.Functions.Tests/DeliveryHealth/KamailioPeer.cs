using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>
/// A real Kamailio (Debian package) on loopback UDP and TCP, from tests/peers/kamailio/options.cfg.template, answering
/// OPTIONS with the given code. Fails loudly when kamailio is not installed (.ci/run installs it).
/// </summary>
public sealed class KamailioPeer : IDisposable
{
    private static readonly string[] Binaries = ["/usr/sbin/kamailio", "/usr/local/sbin/kamailio"];
    private readonly string _dir;
    private readonly string _pidFile;

    private KamailioPeer(int port, string dir)
    {
        Port = port;
        _dir = dir;
        _pidFile = Path.Combine(dir, "kamailio.pid");
    }

    public int Port { get; }

    public string UdpTarget => $"sip:127.0.0.1:{Port};transport=udp";

    public string TcpTarget => $"sip:127.0.0.1:{Port};transport=tcp";

    public bool IsRunning { get; private set; }

    public static KamailioPeer Start(int code = 200, string reason = "OK")
    {
        var binary = Binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("kamailio is not installed: run `apt-get install -y kamailio` (.ci/run does). The SIP OPTIONS probe tests need a real SIP peer.");
        var dir = Directory.CreateTempSubdirectory("kamailio-").FullName;
        var peer = new KamailioPeer(FreePort.Next(), dir);
        var template = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "peers", "kamailio", "options.cfg.template"));
        File.WriteAllText(peer.Config, template
            .Replace("@PORT@", peer.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@CODE@", code.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@REASON@", reason, StringComparison.Ordinal));
        peer.Launch(binary);
        return peer;
    }

    private string Config => Path.Combine(_dir, "kamailio.cfg");

    /// <summary>Starts it again after <see cref="Stop"/> (same port).</summary>
    public void Restart() => Launch(Binaries.First(File.Exists));

    private void Launch(string binary)
    {
        File.Delete(_pidFile);
        // Through sh so the daemon's output goes to a file and no pipe of ours is held open by it.
        var psi = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec '{binary}' -f '{Config}' -P '{_pidFile}' -m 32 -M 8 -w '{_dir}' >>'{_dir}/kamailio.log' 2>&1" },
            UseShellExecute = false,
        };
        using (var launcher = Process.Start(psi) ?? throw new InvalidOperationException("kamailio did not start"))
        {
            if (!launcher.WaitForExit(TimeSpan.FromSeconds(15)) || launcher.ExitCode != 0)
            {
                throw new InvalidOperationException($"kamailio failed to start (exit {(launcher.HasExited ? launcher.ExitCode : -1)}): {Log()}");
            }
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (File.Exists(_pidFile) && TcpListening())
            {
                IsRunning = true;
                return;
            }

            Thread.Sleep(50);
        }

        throw new TimeoutException($"kamailio did not listen on 127.0.0.1:{Port} within 15 s: {Log()}");
    }

    /// <summary>Stops it (SIGTERM to the main process) and waits until the port is closed.</summary>
    public void Stop()
    {
        if (!IsRunning)
        {
            return;
        }

        IsRunning = false;
        var pid = int.Parse(File.ReadAllText(_pidFile).Trim(), CultureInfo.InvariantCulture);
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15) && (ProcessAlive(pid) || TcpListening()))
        {
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private bool TcpListening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Log()
    {
        var file = Path.Combine(_dir, "kamailio.log");
        return File.Exists(file) ? File.ReadAllText(file) : "(no log)";
    }
}
