using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaceCds.Cli.Tests.Contract;
using TaceCds.Cli.Tests.Deployment;
using TaceCds.Store;
using TaceCds.Store.Records;
using TaceCds.Store.Tests;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Audit;

/// <summary>
/// Issue 15's "done when": <c>tacecds serve</c> answers six patient-view calls for p02, the EHR overrides ONE card of
/// one of them, and <c>tacecds audit</c> reports that rule "overridden 1x" (it said 6x when every call reused the
/// card's uuid) — for SQLite and PostgreSQL.
/// </summary>
public abstract class RepeatedCallsAuditContract(IStoreBackend backend) : IAsyncLifetime
{
    public Task InitializeAsync() => backend.PrepareAsync();
    public async Task DisposeAsync() => await backend.DisposeAsync();

    [Fact]
    public async Task Six_calls_for_p02_and_one_override_are_reported_as_overridden_1x()
    {
        var port = ServeProcess.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var serve = new ServeProcess(ServeProcess.SampleEnvironment(),
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", backend.Location, "--no-auth");
        await serve.WaitLiveAsync(baseUrl);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

        var responses = new List<JsonArray>();
        for (var i = 0; i < 6; i++)
        {
            var call = await http.PostAsync("/cds-services/tace-course-review", Json(new JsonObject
            {
                ["hook"] = "patient-view", ["hookInstance"] = Guid.NewGuid().ToString(),
                ["context"] = new JsonObject { ["userId"] = "Practitioner/x", ["patientId"] = "p02" },
            }));
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
            responses.Add(JsonNode.Parse(await call.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        }
        // The first card as shown on the 4th opening of the chart, overridden with one of the service's reasons.
        var card = responses[3][0]!;
        var rule = (string)card["source"]!["topic"]!["code"]!;
        var reason = card["overrideReasons"]?[0] ?? new JsonObject { ["system"] = "https://tacecds.org/fhir/CodeSystem/tace-override-reason", ["code"] = "tumor-board-decision" };
        var feedback = await http.PostAsync("/cds-services/tace-course-review/feedback", Json(new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = (string)card["uuid"]!, ["outcome"] = "overridden", ["outcomeTimestamp"] = "2026-03-01T12:05:00Z",
                ["overrideReason"] = new JsonObject { ["reason"] = new JsonObject { ["system"] = (string)reason["system"]!, ["code"] = (string)reason["code"]! } },
            }),
        }));
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        await WaitForAuditedCallsAsync(6);

        var run = CliProcess.Run("audit", "--store", backend.Location);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        var row = Array.FindIndex(lines, l => l.StartsWith(rule + " ", StringComparison.Ordinal));
        Assert.True(row >= 0, $"no row for {rule} in:\n{run.Stdout}");
        Assert.Matches($@"^{Regex.Escape(rule)}\s+\S+\s+6\s+0\s+1$", lines[row]);
        Assert.StartsWith($"    overridden 1x: {(string)reason["code"]!}", lines[row + 1]);
        Assert.DoesNotContain("overridden 6x", run.Stdout);
    }

    // Hook-call audit is written behind the answer (feedback is not): wait until all six are in the store.
    private async Task WaitForAuditedCallsAsync(int count)
    {
        await using var reader = await CdsStore.OpenAsync(backend.Location, TimeProvider.System);
        var waited = Stopwatch.StartNew();
        while ((await reader.ListHookCallsAsync(new AuditQuery())).Count < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"{count} audit records were not written within 30 s");
            await Task.Delay(20);
        }
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}

public sealed class SqliteRepeatedCallsAuditTests() : RepeatedCallsAuditContract(new SqliteBackend());

public sealed class PostgresRepeatedCallsAuditTests() : RepeatedCallsAuditContract(new PostgresBackend());
