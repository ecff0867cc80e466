using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;
using TaceCds.Store;
using TaceCds.Store.Records;
using TaceCds.Store.Tests;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Audit;

/// <summary>
/// <c>tacecds serve</c> as a real process: feedback is streamed in, the process is killed with SIGKILL mid-stream,
/// restarted on the same store, and every feedback that was answered 200 is there — for SQLite and PostgreSQL.
/// The audit of a hook call made before the kill survives too, and <c>tacecds audit</c> shows both.
/// </summary>
public abstract class ServeDurabilityContract(IStoreBackend backend) : IAsyncLifetime
{
    public Task InitializeAsync() => backend.PrepareAsync();
    public async Task DisposeAsync() => await backend.DisposeAsync();

    [Fact]
    public async Task Every_acknowledged_feedback_survives_a_kill_and_restart()
    {
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        var first = Serve(port);
        var acked = new ConcurrentBag<string>();
        try
        {
            await WaitReadyAsync(http, first);
            var call = await http.PostAsync("/cds-services/tace-course-review", Json(new JsonObject
            {
                ["hook"] = "patient-view", ["hookInstance"] = Guid.NewGuid().ToString(),
                ["context"] = new JsonObject { ["userId"] = "Practitioner/x", ["patientId"] = "p02" },
            }));
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
            // Hook-call audit is written behind the answer (feedback is not): wait until it is in the store.
            await using (var reader = await CdsStore.OpenAsync(backend.Location, TimeProvider.System))
            {
                var waited = Stopwatch.StartNew();
                while ((await reader.ListHookCallsAsync(new AuditQuery())).Count == 0)
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the hook call's audit record was not written within 30 s");
                    await Task.Delay(20);
                }
            }

            // Four clients stream feedback; the process dies under them once 60 have been acknowledged.
            using var stop = new CancellationTokenSource();
            var next = 0;
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var card = $"card-{Interlocked.Increment(ref next)}";
                    try
                    {
                        var response = await http.PostAsync("/cds-services/tace-course-review/feedback", Json(Feedback(card)));
                        if (response.StatusCode == HttpStatusCode.OK) acked.Add(card);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the server is gone: this post was not acknowledged
                    }
                }
            })).ToList();
            var deadline = Stopwatch.StartNew();
            while (acked.Count < 60 && deadline.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(5);
            first.Kill(); // SIGKILL on Linux: no shutdown, no flush
            first.WaitForExit(10_000);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(acked.Count >= 60, $"only {acked.Count} feedback posts were acknowledged before the kill");
            Assert.True(next > acked.Count, "the kill should interrupt posts in flight");
        }
        finally
        {
            if (!first.HasExited) first.Kill();
        }

        var second = Serve(port);
        try
        {
            await WaitReadyAsync(http, second);
            await using var store = await CdsStore.OpenAsync(backend.Location, TimeProvider.System);
            var stored = (await store.ListFeedbackAsync(new AuditQuery { Limit = 100_000 })).Select(f => f.CardUuid).ToHashSet();
            var lost = acked.Where(card => !stored.Contains(card)).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acked.Count} acknowledged feedback entries were lost: {string.Join(", ", lost.Take(5))}");
            var audited = Assert.Single(await store.ListHookCallsAsync(new AuditQuery()));
            Assert.Equal(("p02", 200), (audited.PatientId, audited.HttpStatus));

            // The same store through the CLI, as an operator would read it.
            var run = CliProcess.Run("audit", "--store", backend.Location, "--view", "feedback", "--format", "json", "--limit", "100000");
            Assert.Equal(0, run.ExitCode);
            var listed = JsonNode.Parse(run.Stdout)!.AsArray().Select(f => (string)f!["cardUuid"]!).ToHashSet();
            Assert.Superset(acked.ToHashSet(), listed);
        }
        finally
        {
            second.Kill();
            second.WaitForExit(10_000);
        }
    }

    private Process Serve(int port)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "tacecds.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--store", backend.Location, "--no-auth", "--data", RepoPaths.InRepo("samples"), "--as-of", "2025-06-01" })
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited) throw new InvalidOperationException($"tacecds serve exited with {process.ExitCode}");
            try
            {
                if ((await http.GetAsync("/cds-services")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("tacecds serve did not answer within 90 s");
    }

    private static JsonObject Feedback(string card) => new()
    {
        ["feedback"] = new JsonArray(new JsonObject
        {
            ["card"] = card, ["outcome"] = "overridden", ["outcomeTimestamp"] = "2026-03-01T12:00:00Z",
            ["overrideReason"] = new JsonObject { ["reason"] = new JsonObject { ["system"] = "https://tacecds.org/fhir/CodeSystem/tacecds-override-reason", ["code"] = "not-applicable" } },
        }),
    };

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class SqliteServeDurabilityTests() : ServeDurabilityContract(new SqliteBackend());

public sealed class PostgresServeDurabilityTests() : ServeDurabilityContract(new PostgresBackend());
