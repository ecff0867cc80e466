using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Deployment;

/// <summary>
/// <c>tacecds serve</c> as a real process with its own environment; every console line is kept (to prove what is
/// and is not logged). Killed (SIGKILL) when disposed if still running.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    public ServeProcess(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "tacecds.dll"));
        info.ArgumentList.Add("serve");
        foreach (var a in args) info.ArgumentList.Add(a);
        // Nothing inherited may move the service elsewhere than the test says.
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_URLS" }) info.Environment.Remove(inherited);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _stdout.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Stdout => [.. _stdout];
    public IReadOnlyList<string> Stderr => [.. _stderr];
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    /// <summary>The exit code, waiting up to <paramref name="timeout"/> for the process to end.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw new TimeoutException("tacecds serve did not exit in time");
        _process.WaitForExit(); // drain the output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until <c>GET {baseUrl}/health/live</c> answers 200.</summary>
    public async Task WaitLiveAsync(string baseUrl, TimeSpan? within = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (within ?? TimeSpan.FromSeconds(90)))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"tacecds serve exited with {_process.ExitCode}: {string.Join("\n", Stderr)}");
            try
            {
                if ((await http.GetAsync(baseUrl + "/health/live")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("tacecds serve did not answer /health/live in time");
    }

    /// <summary>Waits until at least <paramref name="count"/> stdout lines match.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> match, int count, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (_stdout.Count(match) < count)
        {
            if (clock.Elapsed > within) throw new TimeoutException($"only {_stdout.Count(match)} of {count} expected log lines in {within.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        if (_process.WaitForExit(10_000)) _process.WaitForExit(); // and drain the output readers
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The environment every test instance shares: the samples as local data, their evaluation date.</summary>
    public static Dictionary<string, string> SampleEnvironment() => new()
    {
        ["TaceCds__LocalData"] = RepoPaths.InRepo("samples"),
        ["TaceCds__AsOf"] = "2025-06-01",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };
}
