using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Service.Tests.Trust;

/// <summary><c>POST /cds-services/{id}/feedback</c> and the audit of hook calls, with authentication off.</summary>
public sealed class FeedbackEndpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-feedback-").FullName;
    private readonly TrustServiceHost _host;
    private readonly HttpClient _client;

    public FeedbackEndpointTests()
    {
        _host = new TrustServiceHost(new Dictionary<string, string?>
        {
            ["TaceCds:Store"] = "sqlite:" + Path.Combine(_dir, "store.db"),
            ["TaceCds:Auth:Enabled"] = "false",
            // The token-never-stored test names this server; it must be allowlisted to be accepted (issue 13).
            ["TaceCds:FhirServer:AllowedOrigins"] = "https://fhir.example.org",
        }, new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));
        _client = _host.CreateClient();
    }

    private ICdsStore Store => (ICdsStore)_host.Services.GetService(typeof(ICdsStore))!;

    // Hook-call audit records are written behind the answer; wait for them before reading.
    private Task Flushed() => ((TaceCds.Service.Trust.HookCallAudit)_host.Services.GetService(typeof(TaceCds.Service.Trust.HookCallAudit))!).FlushAsync(TimeSpan.FromSeconds(10));

    private Task<HttpResponseMessage> Post(string path, string json) =>
        _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Feedback_on_a_shown_card_is_stored_once_and_the_audit_counts_it()
    {
        var call = await Post("/cds-services/tace-course-review", SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var cards = JsonNode.Parse(await call.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        // Whichever card comes first (rule-pack cards carry overrideReasons; the service's own cards may not).
        var cci = cards[0]!;
        var ruleId = (string)cci["source"]!["topic"]!["code"]!;
        var reason = cci["overrideReasons"]?[0] ?? new JsonObject { ["system"] = "https://tacecds.org/fhir/CodeSystem/tacecds-override-reason", ["code"] = "not-applicable" };

        var feedback = $$$"""
            {"feedback":[{"card":"{{{cci["uuid"]}}}","outcome":"overridden","outcomeTimestamp":"2026-03-01T12:05:00Z",
              "overrideReason":{"reason":{"system":"{{{reason["system"]}}}","code":"{{{reason["code"]}}}"},"userComment":"tumour board decided"}}]}
            """;
        var first = await Post("/cds-services/tace-course-review/feedback", feedback);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await first.Content.ReadAsStringAsync())!["stored"]!);
        var again = await Post("/cds-services/tace-course-review/feedback", feedback);
        Assert.Equal(1, (int)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["duplicates"]!);

        await Flushed();
        var audited = Assert.Single(await Store.ListHookCallsAsync(new AuditQuery()));
        Assert.Equal(("tace-course-review", "patient-view", "p02", 200), (audited.ServiceId, audited.Hook, audited.PatientId, audited.HttpStatus));
        var auditedCci = audited.Cards.Single(c => c.Uuid == (string?)cci["uuid"]);
        Assert.Equal(ruleId, auditedCci.RuleId);
        Assert.Matches(@"^\d+\.\d+\.\d+$", auditedCci.RuleVersion);
        Assert.Equal(cards.Count, audited.Cards.Count);

        var summary = await Store.SummarizeAsync(new AuditQuery());
        var rule = summary.Rules.Single(r => r.RuleId == ruleId);
        Assert.Equal((1, 1), (rule.CardsShown, rule.Overridden));
        Assert.Equal((string?)reason["code"], Assert.Single(rule.OverrideReasons).Reason!.Code);
    }

    [Fact]
    public async Task Six_patient_view_calls_for_p02_and_one_override_of_the_fourth_call_card_count_overridden_1()
    {
        // Issue 15: with one uuid for the card on every call, one override was counted once per audited call ("6x").
        var responses = new List<JsonArray>();
        for (var i = 0; i < 6; i++)
        {
            var call = await Post("/cds-services/tace-course-review", SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")).ToJsonString());
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
            responses.Add(JsonNode.Parse(await call.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        }
        var overridden = responses[3][0]!;
        var ruleId = (string)overridden["source"]!["topic"]!["code"]!;
        var sameRule = responses.Select(r => (string)r.Single(c => (string?)c!["source"]!["topic"]!["code"] == ruleId)!["uuid"]!).ToList();
        Assert.Equal(6, sameRule.Distinct().Count());
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = (string)overridden["uuid"]!, ["outcome"] = "overridden", ["outcomeTimestamp"] = "2026-03-01T12:05:00Z",
                ["overrideReason"] = new JsonObject
                {
                    ["reason"] = new JsonObject { ["system"] = "https://tacecds.org/fhir/CodeSystem/tace-override-reason", ["code"] = "tumor-board-decision" },
                },
            }),
        };
        Assert.Equal(HttpStatusCode.OK, (await Post("/cds-services/tace-course-review/feedback", feedback.ToJsonString())).StatusCode);

        await Flushed();
        Assert.Equal(6, (await Store.ListHookCallsAsync(new AuditQuery())).Count(c => c.PatientId == "p02"));
        var rule = (await Store.SummarizeAsync(new AuditQuery())).Rules.Single(r => r.RuleId == ruleId);
        Assert.Equal((6, 0, 1), (rule.CardsShown, rule.Accepted, rule.Overridden));
        Assert.Equal(1, Assert.Single(rule.OverrideReasons).Count);
    }

    [Fact]
    public async Task A_refused_hook_call_is_audited_with_its_status()
    {
        var response = await Post("/cds-services/tace-course-review", """{"hook":"patient-view","hookInstance":"h-1","context":{"userId":"Practitioner/x"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Flushed();
        var audited = Assert.Single(await Store.ListHookCallsAsync(new AuditQuery()));
        Assert.Equal((400, "patient-view"), (audited.HttpStatus, audited.Hook));
        Assert.Empty(audited.Cards);
    }

    [Fact]
    public async Task The_fhir_access_token_of_a_call_never_reaches_the_store()
    {
        const string accessToken = "access-token-that-must-not-be-stored-7f3a9c";
        var request = SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02"));
        request["fhirServer"] = "https://fhir.example.org/r4";
        request["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300,
            ["scope"] = "patient/*.read", ["subject"] = "tacecds",
        };
        Assert.Equal(HttpStatusCode.OK, (await Post("/cds-services/tace-course-review", request.ToJsonString())).StatusCode);
        await Flushed();
        Assert.Single(await Store.ListHookCallsAsync(new AuditQuery()));
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        var files = string.Concat(Directory.GetFiles(_dir).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("p02", files);
        Assert.DoesNotContain(accessToken, files);
    }

    [Theory]
    [InlineData("""{"feedback":[]}""", "FB101")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"maybe","outcomeTimestamp":"2026-03-01T12:05:00Z"}]}""", "FB103")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","outcomeTimestamp":"2026-03-01T12:05:00Z"}]}""", "FB105")]
    public async Task Invalid_feedback_is_400_with_its_code_and_nothing_is_stored(string body, string code)
    {
        var response = await Post("/cds-services/tace-course-review/feedback", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync());
        Assert.Empty(await Store.ListFeedbackAsync(new AuditQuery()));
    }

    [Fact]
    public async Task Feedback_for_an_unknown_service_is_404()
    {
        var response = await Post("/cds-services/nope/feedback", """{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"2026-03-01T12:05:00Z"}]}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
