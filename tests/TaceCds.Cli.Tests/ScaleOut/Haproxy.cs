using System.Diagnostics;
using System.Globalization;

namespace TaceCds.Cli.Tests.ScaleOut;

/// <summary>
/// A real HAProxy (Debian's package, installed by tools/install/haproxy.sh) in front of service instances on loopback:
/// round robin, health checks on <c>/health/ready</c> every 500 ms (down after 2 failures; a busy machine gets 3 s to answer one), the answering server named
/// in the <c>X-Tacecds-Instance</c> response header, and its statistics as CSV on a second port.
/// </summary>
public sealed class Haproxy : IDisposable
{
    public const string InstanceHeader = "X-Tacecds-Instance";
    private readonly Process _process;
    private readonly string _folder = Directory.CreateTempSubdirectory("tacecds-haproxy-").FullName;

    public Haproxy(int port, int statsPort, IReadOnlyDictionary<string, int> servers)
    {
        var binary = new[] { "/usr/sbin/haproxy", "/usr/local/sbin/haproxy" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("haproxy is not installed: run tools/install/haproxy.sh (./test.sh does)");
        var config = Path.Combine(_folder, "haproxy.cfg");
        File.WriteAllText(config, $$"""
            global
              maxconn 1024
            defaults
              mode http
              timeout connect 2s
              timeout client 30s
              timeout server 30s
            frontend cds
              bind 127.0.0.1:{{port}}
              default_backend tacecds
            backend tacecds
              balance roundrobin
              option httpchk GET /health/ready
              http-check expect status 200
              timeout check 3s
              default-server inter 500ms fall 2 rise 2
              http-response set-header {{InstanceHeader}} %s
            {{string.Join("\n", servers.Select(s => $"  server {s.Key} 127.0.0.1:{s.Value} check"))}}
            listen stats
              bind 127.0.0.1:{{statsPort}}
              stats enable
              stats uri /stats
            """.Replace("\r", "") + "\n"); // haproxy wants the last line ended
        StatsUrl = $"http://127.0.0.1:{statsPort}/stats;csv";
        var check = Process.Start(new ProcessStartInfo(binary, ["-c", "-f", config]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var complaints = check.StandardError.ReadToEndAsync();
        var said = check.StandardOutput.ReadToEnd();
        check.WaitForExit();
        if (check.ExitCode != 0)
            throw new InvalidOperationException($"haproxy refused its configuration ({check.ExitCode}): {said}{complaints.Result}\n{File.ReadAllText(config)}");
        // -db: stay in the foreground, so killing this process stops the balancer.
        _process = Process.Start(new ProcessStartInfo(binary, ["-db", "-f", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string StatsUrl { get; }

    /// <summary>Each server's status as HAProxy's health checks see it (UP, DOWN, "UP 1/2"…).</summary>
    public async Task<Dictionary<string, string>> ServerStatusAsync(HttpClient http)
    {
        var lines = (await http.GetStringAsync(StatsUrl)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[Column("pxname")] == "tacecds" && f[Column("svname")] is not ("FRONTEND" or "BACKEND"))
            .ToDictionary(f => f[Column("svname")], f => f[Column("status")]);
    }

    /// <summary>Waits until every named server has the status, or fails after <paramref name="within"/>.</summary>
    public async Task WaitForAsync(HttpClient http, TimeSpan within, params (string Server, string Status)[] wanted)
    {
        var clock = Stopwatch.StartNew();
        Dictionary<string, string> seen = [];
        while (clock.Elapsed < within)
        {
            try
            {
                seen = await ServerStatusAsync(http);
                if (wanted.All(w => seen.GetValueOrDefault(w.Server) == w.Status)) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"HAProxy did not reach {string.Join(", ", wanted.Select(w => $"{w.Server}={w.Status}"))} in " +
            $"{within.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; last seen {string.Join(", ", seen.Select(s => $"{s.Key}={s.Value}"))}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
