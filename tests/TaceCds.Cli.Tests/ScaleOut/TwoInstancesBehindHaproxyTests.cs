using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Deployment;
using TaceCds.Store;
using TaceCds.Store.Records;
using TaceCds.Store.Tests;

namespace TaceCds.Cli.Tests.ScaleOut;

/// <summary>
/// Issue 14, scale-out for real: two <c>tacecds serve</c> processes on two loopback ports sharing one PostgreSQL
/// database (tools/install/postgresql.sh's cluster, a fresh schema), HAProxy in front. Shows: calls spread over both;
/// a JWT used on one instance is refused by the other (the replay cache is in the shared store); both instances'
/// audit lands in the one store; killing one instance under a stream of feedback loses no answered feedback, and
/// HAProxy's health checks take the dead instance out while the other keeps answering.
/// </summary>
public sealed class TwoInstancesBehindHaproxyTests : IAsyncLifetime
{
    private readonly PostgresBackend _database = new();
    public Task InitializeAsync() => _database.PrepareAsync();
    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Two_instances_behind_HAProxy_spread_calls_share_replay_cache_and_audit_and_lose_no_feedback_when_one_is_killed()
    {
        var (portA, portB, balancerPort, statsPort) = (ServeProcess.FreePort(), ServeProcess.FreePort(), ServeProcess.FreePort(), ServeProcess.FreePort());
        var publicBase = $"http://127.0.0.1:{balancerPort}";
        var serviceUrl = publicBase + "/cds-services/tace-course-review";
        var feedbackUrl = serviceUrl + "/feedback";
        var tokens = new ClientTokens((serviceUrl, 24), (feedbackUrl, 400));
        var environment = ServeProcess.SampleEnvironment();
        foreach (var (k, v) in tokens.Environment) environment[k] = v;
        environment["TaceCds__PublicBaseUrl"] = publicBase; // both instances check aud against the balancer's URL
        environment["TaceCds__Store"] = _database.Location;
        using var a = new ServeProcess(environment, "--urls", $"http://127.0.0.1:{portA}");
        using var b = new ServeProcess(environment, "--urls", $"http://127.0.0.1:{portB}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await Task.WhenAll(a.WaitLiveAsync($"http://127.0.0.1:{portA}"), b.WaitLiveAsync($"http://127.0.0.1:{portB}"));
        using var haproxy = new Haproxy(balancerPort, statsPort, new Dictionary<string, int> { ["a"] = portA, ["b"] = portB });
        await haproxy.WaitForAsync(http, TimeSpan.FromSeconds(15), ("a", "UP"), ("b", "UP"));

        // 1. Twenty patient-views through the balancer: round robin spreads them (ten each while both stay up), and
        //    each instance's own /metrics counts exactly the calls HAProxy says it answered.
        var answeredBy = new Dictionary<string, List<string>> { ["a"] = [], ["b"] = [] };
        for (var i = 0; i < 20; i++)
        {
            var (status, instance, hookInstance) = await PatientViewAsync(http, serviceUrl, tokens.Next(serviceUrl));
            Assert.Equal(HttpStatusCode.OK, status);
            answeredBy[instance!].Add(hookInstance);
        }
        Assert.True(answeredBy["a"].Count >= 5 && answeredBy["b"].Count >= 5, $"a answered {answeredBy["a"].Count}, b {answeredBy["b"].Count}");
        Assert.Equal(answeredBy["a"].Count, await HookCallsCountedAsync(http, portA));
        Assert.Equal(answeredBy["b"].Count, await HookCallsCountedAsync(http, portB));

        // 2. A token used on instance a is refused by instance b: the replay cache is the shared store.
        var token = tokens.Next(serviceUrl);
        var first = await PatientViewAsync(http, $"http://127.0.0.1:{portA}/cds-services/tace-course-review", token);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        answeredBy["a"].Add(first.HookInstance);
        var replay = await PatientViewAsync(http, $"http://127.0.0.1:{portB}/cds-services/tace-course-review", token);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);

        // 3. Every answered call of both instances is audited in the one store (written behind the answer: wait).
        await using (var store = await CdsStore.OpenAsync(_database.Location, TimeProvider.System))
        {
            var clock = Stopwatch.StartNew();
            IReadOnlyList<HookCallRecord> audited;
            while ((audited = await store.ListHookCallsAsync(new AuditQuery { Limit = 1000 })).Count < 21 && clock.Elapsed < TimeSpan.FromSeconds(20))
                await Task.Delay(50);
            var instances = audited.Select(c => c.HookInstance).ToHashSet();
            Assert.Equal(21, audited.Count);
            Assert.Superset(answeredBy["a"].ToHashSet(), instances);
            Assert.Superset(answeredBy["b"].ToHashSet(), instances);
        }

        // 4. Four clients stream feedback through the balancer; instance a is killed (SIGKILL) once 40 are acknowledged.
        var acked = new ConcurrentBag<(string Card, string Instance, bool AfterKill)>();
        var killed = 0;
        using var stop = new CancellationTokenSource();
        var next = 0;
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var card = $"card-{Interlocked.Increment(ref next)}";
                if (next > 400) return;
                var afterKill = Volatile.Read(ref killed) == 1;
                try
                {
                    using var post = new HttpRequestMessage(HttpMethod.Post, feedbackUrl) { Content = Json(Feedback(card)) };
                    post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Next(feedbackUrl));
                    using var response = await http.SendAsync(post);
                    if (response.StatusCode == HttpStatusCode.OK) acked.Add((card, response.Headers.GetValues(Haproxy.InstanceHeader).Single(), afterKill));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // not acknowledged
            }
        })).ToList();
        var deadline = Stopwatch.StartNew();
        while (acked.Count < 40 && deadline.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(5);
        a.Kill();
        Volatile.Write(ref killed, 1);
        await haproxy.WaitForAsync(http, TimeSpan.FromSeconds(10), ("a", "DOWN"), ("b", "UP"));
        while (acked.Count(x => x.AfterKill) < 40 && deadline.Elapsed < TimeSpan.FromSeconds(40)) await Task.Delay(5);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(acked.Count(x => !x.AfterKill && x.Instance == "a") > 0, "instance a acknowledged no feedback before it was killed");
        var afterKill = acked.Where(x => x.AfterKill).ToList();
        Assert.True(afterKill.Count >= 40, $"only {afterKill.Count} feedback posts were acknowledged after the kill");
        await using (var store = await CdsStore.OpenAsync(_database.Location, TimeProvider.System))
        {
            var stored = (await store.ListFeedbackAsync(new AuditQuery { Limit = 100_000 })).Select(f => f.CardUuid).ToHashSet();
            var lost = acked.Where(x => !stored.Contains(x.Card)).Select(x => $"{x.Card} via {x.Instance}").ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acked.Count} acknowledged feedback entries were lost: {string.Join(", ", lost.Take(5))}");
        }
    }

    private static async Task<(HttpStatusCode Status, string? Instance, string HookInstance)> PatientViewAsync(HttpClient http, string url, string token)
    {
        var hookInstance = Guid.NewGuid().ToString();
        using var call = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = Json(new JsonObject
            {
                ["hook"] = "patient-view", ["hookInstance"] = hookInstance,
                ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = "p02" },
            }),
        };
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(call);
        var instance = response.Headers.TryGetValues(Haproxy.InstanceHeader, out var values) ? values.Single() : null;
        return (response.StatusCode, instance, hookInstance);
    }

    // tacecds_hook_calls_total with status 200 on one instance, read from its own /metrics.
    private static async Task<double> HookCallsCountedAsync(HttpClient http, int port)
    {
        var metrics = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
        return metrics.Split('\n')
            .Where(l => l.StartsWith("tacecds_hook_calls_total{", StringComparison.Ordinal) && l.Contains("status=\"200\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
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
}
