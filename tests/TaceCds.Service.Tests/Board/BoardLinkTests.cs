using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TaceCds.Service.Board;
using TaceCds.Service.Cards;
using TaceCds.Service.Trust;
using TaceCds.Service.Tests.Trust;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Service.Tests.Board;

/// <summary>
/// Issue 15 "Card → board page": a patient-view response links to the patient's board page with a short-lived,
/// patient-bound, signed token, and that link opens the page without the client's JWT (authentication ON here);
/// an expired, other-patient or tampered link is refused with its code, and every use is audited without the token.
/// </summary>
public sealed class BoardLinkTests(AuthTokens jwts) : IClassFixture<AuthTokens>, IDisposable
{
    private const string Secret = "board-link-test-secret-of-at-least-32-bytes";
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-board-link-").FullName;
    private readonly SettableClock _clock = new(AuthTokens.Now);
    private TrustServiceHost? _host;

    private TrustServiceHost Host(Dictionary<string, string?>? extra = null)
    {
        var settings = jwts.Settings("sqlite:" + Path.Combine(_dir, "store.db"));
        settings["TaceCds:Board:LinkSecret"] = Secret;
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return _host = new TrustServiceHost(settings, _clock);
    }

    /// <summary>The patient-view response for <paramref name="patientId"/>, called with a client JWT as an EHR does.</summary>
    private async Task<JsonArray> PatientViewCards(HttpClient client, string patientId = "p02", string jwt = "es384")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review")
        {
            Content = new StringContent(SampleRequests.PatientView(patientId).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwts[jwt]);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
    }

    private static IEnumerable<JsonObject> Links(JsonArray cards) => cards.SelectMany(c => c!["links"]?.AsArray() ?? []).OfType<JsonObject>();

    // Rule-pack cards carry links of their own (sources); the board link is the one to /board/.
    private static JsonObject BoardLink(JsonArray cards) =>
        Assert.Single(Links(cards), l => (string?)l["type"] == "absolute" && ((string)l["url"]!).Contains("/board/", StringComparison.Ordinal));

    // The link as a browser follows it: path and query only, and no Authorization header.
    private static string PathAndQuery(JsonObject link) => new Uri((string)link["url"]!).PathAndQuery;

    private static async Task<(HttpStatusCode Status, string Body)> Open(HttpClient client, string pathAndQuery)
    {
        var response = await client.GetAsync(pathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Code(string operationOutcome) =>
        (string)JsonNode.Parse(operationOutcome)!["issue"]![0]!["details"]!["coding"]![0]!["code"]!;

    [Fact]
    public async Task The_course_summary_card_links_to_the_board_page_of_the_patient_with_a_token()
    {
        var client = Host().CreateClient();
        var cards = await PatientViewCards(client);

        var summary = Assert.Single(cards, c => (string?)c!["source"]!["topic"]!["code"] == CourseSummaryCard.Topic)!;
        var link = BoardLink(cards);
        Assert.Contains(link, summary["links"]!.AsArray());
        Assert.Equal("absolute", (string?)link["type"]);
        Assert.Equal(BoardCardLinks.BoardLabel, (string?)link["label"]);
        Assert.Matches(@"^https://cds\.example\.org/board/p02\?t=[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+$", (string)link["url"]!);
        Assert.Null(link["appContext"]);
        Assert.Empty(CdsResponseValidator.Validate(new JsonObject { ["cards"] = cards.DeepClone() }, serviceConventions: true));
    }

    [Fact]
    public async Task The_link_opens_the_patients_board_page_without_a_client_JWT_and_its_use_is_audited_without_the_token()
    {
        var client = Host().CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/board/p02")).StatusCode); // no JWT, no token: refused
        var link = BoardLink(await PatientViewCards(client));

        var response = await client.GetAsync(PathAndQuery(link));
        var (status, html) = (response.StatusCode, await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("data-patient=\"Patient/p02\"", html);
        Assert.Contains("TACE refractoriness (CCI 2022)", html);
        await _host!.Services.GetRequiredService<HookCallAudit>().FlushAsync(TimeSpan.FromSeconds(10));
        var store = _host.Services.GetRequiredService<ICdsStore>();
        var use = Assert.Single(await store.ListHookCallsAsync(new AuditQuery()), c => c.ServiceId == BoardLinkAccess.AuditService);
        Assert.Equal((BoardLinkAccess.AuditHook, "p02", 200), (use.Hook, use.PatientId, use.HttpStatus));
        var token = new Uri((string)link["url"]!).Query["?t=".Length..];
        Assert.DoesNotContain(token, use.HookInstance); // the jti, not the token
        Assert.Equal(22, use.HookInstance.Length); // 128 random bits in base64url
        Assert.DoesNotContain(_host.Logs, line => line.Contains(token, StringComparison.Ordinal));
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        var files = string.Concat(Directory.GetFiles(_dir).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(token, files);
    }

    [Fact]
    public async Task Given_a_link_issued_at_12_00_when_opened_at_12_14_59_it_opens_and_at_12_15_it_is_refused_as_expired()
    {
        var client = Host().CreateClient();
        var link = PathAndQuery(BoardLink(await PatientViewCards(client)));

        _clock.Now = AuthTokens.Now.AddMinutes(15).AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await Open(client, link)).Status);
        _clock.Now = AuthTokens.Now.AddMinutes(15);
        var (status, body) = await Open(client, link);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("CDS210", Code(body));
        Assert.DoesNotContain("data-patient", body);
    }

    [Fact]
    public async Task A_configured_lifetime_of_5_minutes_expires_the_link_at_12_05()
    {
        var client = Host(new() { ["TaceCds:Board:LinkLifetimeMinutes"] = "5" }).CreateClient();
        var link = PathAndQuery(BoardLink(await PatientViewCards(client)));

        _clock.Now = AuthTokens.Now.AddMinutes(5).AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await Open(client, link)).Status);
        _clock.Now = AuthTokens.Now.AddMinutes(5);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Open(client, link)).Status);
    }

    [Fact]
    public async Task A_link_for_p02_does_not_open_the_page_of_p03()
    {
        var client = Host().CreateClient();
        var query = new Uri((string)BoardLink(await PatientViewCards(client))["url"]!).Query;

        var (status, body) = await Open(client, "/board/p03" + query);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CDS211", Code(body));
        Assert.DoesNotContain("data-patient", body);
        await _host!.Services.GetRequiredService<HookCallAudit>().FlushAsync(TimeSpan.FromSeconds(10));
        var refused = Assert.Single(await _host.Services.GetRequiredService<ICdsStore>().ListHookCallsAsync(new AuditQuery()), c => c.ServiceId == BoardLinkAccess.AuditService);
        Assert.Equal(("p03", 403), (refused.PatientId, refused.HttpStatus));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("payload")]
    [InlineData("garbage")]
    [InlineData("empty")]
    public async Task A_tampered_or_malformed_token_is_refused_with_CDS212(string alteration)
    {
        var client = Host().CreateClient();
        var link = PathAndQuery(BoardLink(await PatientViewCards(client)));
        var token = link[(link.IndexOf("?t=", StringComparison.Ordinal) + 3)..];
        var parts = token.Split('.');
        var altered = alteration switch
        {
            // Another character in the MAC, or the payload re-encoded for another patient with the old MAC.
            "signature" => parts[0] + "." + (parts[1][0] == 'A' ? 'B' : 'A') + parts[1][1..],
            "payload" => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
                Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0])).Replace("|p02|", "|p03|"))) + "." + parts[1],
            "garbage" => "not-a-token",
            _ => "",
        };
        var patient = alteration == "payload" ? "p03" : "p02";

        var (status, body) = await Open(client, $"/board/{patient}?t={altered}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CDS212", Code(body));
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused()
    {
        var foreign = new BoardLinkTokens(new BoardLinkSettings { Secret = Encoding.UTF8.GetBytes(new string('x', 32)) }, _clock).Issue("p02");
        var client = Host().CreateClient();

        var (status, body) = await Open(client, "/board/p02?t=" + foreign);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CDS212", Code(body));
    }

    [Fact]
    public async Task With_a_SMART_launch_URL_the_card_also_carries_a_smart_link_with_the_patient_as_appContext()
    {
        var client = Host(new() { ["TaceCds:Board:SmartLaunchUrl"] = "https://apps.example.org/tumor-board/launch" }).CreateClient();
        var cards = await PatientViewCards(client);

        var smart = Assert.Single(Links(cards), l => (string?)l["type"] == "smart");
        Assert.Equal("https://apps.example.org/tumor-board/launch", (string?)smart["url"]);
        Assert.Equal("p02", (string?)JsonNode.Parse((string)smart["appContext"]!)!["patientId"]);
        BoardLink(cards);
        Assert.Empty(CdsResponseValidator.Validate(new JsonObject { ["cards"] = cards.DeepClone() }, serviceConventions: true));
    }

    [Fact]
    public async Task With_links_turned_off_no_card_carries_one_and_a_presented_token_is_refused()
    {
        var client = Host(new() { ["TaceCds:Board:LinksEnabled"] = "false" }).CreateClient();
        var cards = await PatientViewCards(client);

        Assert.DoesNotContain(Links(cards), l => ((string)l["url"]!).Contains("/board/", StringComparison.Ordinal));
        var (status, body) = await Open(client, "/board/p02?t=anything.at-all");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CDS212", Code(body));
    }

    public void Dispose()
    {
        _host?.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A clock the test moves (link expiry); JWT checks of the hook call read it too, so it starts at their "now".</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
