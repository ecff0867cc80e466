using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using TaceCds.Store.Tests;

namespace TaceCds.Service.Tests.Trust;

/// <summary>
/// Client authentication through the whole service (CDS Hooks 2.0.1 §Trusting CDS Clients): each bad token is a bare
/// 401, good ones pass, the log names the AUTH code, and no token reaches the log or the store.
/// </summary>
public sealed class AuthTests(AuthTokens tokens) : IClassFixture<AuthTokens>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-auth-").FullName;
    private string DbPath => Path.Combine(_dir, "store.db");

    private TrustServiceHost Host(Dictionary<string, string?>? extra = null)
    {
        var settings = tokens.Settings("sqlite:" + DbPath);
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return new TrustServiceHost(settings, new FixedClock(AuthTokens.Now));
    }

    private static HttpRequestMessage CourseReview(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review")
        {
            Content = new StringContent(SampleRequests.PatientView("p02").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    [Theory]
    [InlineData("es384")]
    [InlineData("rs384")]
    public async Task A_valid_token_is_served(string name)
    {
        using var host = Host();
        var response = await host.CreateClient().SendAsync(CourseReview(tokens[name]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]);
    }

    [Fact]
    public async Task The_board_page_is_patient_data_and_needs_a_token_for_its_own_url()
    {
        using var host = Host(new() { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/board/p02")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/board/p02");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["board"]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_refused_board_request_is_logged_without_the_patient_id_in_its_path()
    {
        using var host = Host(new() { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder });
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/board/p02-secret-id")).StatusCode);
        Assert.Contains(host.Logs, l => l.Contains("refused GET /board/{patientId}", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs, l => l.Contains("p02-secret-id", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discovery_needs_a_token_for_its_own_url()
    {
        using var host = Host();
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/cds-services")).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["discovery"]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData(null, "AUTH100")]
    [InlineData("expired", "AUTH131")]
    [InlineData("not-yet-valid", "AUTH132")]
    [InlineData("wrong-aud", "AUTH130")]
    [InlineData("local-aud", "AUTH130")] // behind the proxy the public URL counts, not the host the request came in on
    [InlineData("unknown-iss", "AUTH110")]
    [InlineData("jku-not-allowed", "AUTH111")]
    [InlineData("unknown-kid", "AUTH112")]
    [InlineData("alg-none", "AUTH102")]
    [InlineData("hs256-public-key", "AUTH102")]
    [InlineData("tampered", "AUTH120")]
    [InlineData("oversized", "AUTH103")]
    public async Task A_bad_token_is_a_bare_401_and_the_log_says_why(string? name, string code)
    {
        using var host = Host();
        var response = await host.CreateClient().SendAsync(CourseReview(name is null ? null : tokens[name]));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains(host.Logs, line => line.Contains("refused POST /cds-services/tace-course-review: " + code));
    }

    [Fact]
    public async Task A_replayed_token_is_refused()
    {
        using var host = Host();
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(CourseReview(tokens["replayed"]))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(CourseReview(tokens["replayed"]))).StatusCode);
        Assert.Contains(host.Logs, line => line.Contains("AUTH140"));
    }

    [Fact]
    public async Task The_audit_names_the_verified_client_and_no_token_is_in_the_log_or_the_store()
    {
        using (var host = Host())
        {
            var client = host.CreateClient();
            foreach (var name in new[] { "es384", "expired", "alg-none", "tampered", "hs256-public-key" })
                await client.SendAsync(CourseReview(tokens[name]));
            await ((TaceCds.Service.Trust.HookCallAudit)host.Services.GetService(typeof(TaceCds.Service.Trust.HookCallAudit))!).FlushAsync(TimeSpan.FromSeconds(10));
            var store = host.Services.GetService(typeof(TaceCds.Store.ICdsStore)) as TaceCds.Store.ICdsStore;
            var calls = await store!.ListHookCallsAsync(new TaceCds.Store.Records.AuditQuery());
            var call = Assert.Single(calls); // refused calls never reach the hook
            Assert.Equal((AuthTokens.Issuer, "p02", 200), (call.ClientIssuer, call.PatientId, call.HttpStatus));
            Assert.NotEmpty(call.Cards);

            var logs = string.Join("\n", host.Logs);
            foreach (var token in tokens.All) AssertAbsent(logs, token, "log");
        }
        SqliteConnection.ClearAllPools();
        var stored = string.Concat(Directory.GetFiles(_dir).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("tace-course-review", stored); // the files do hold the audit
        foreach (var token in tokens.All) AssertAbsent(stored, token, "store");
    }

    [Fact]
    public async Task Auth_off_serves_without_a_token_and_says_so_in_the_log()
    {
        using var host = Host(new() { ["TaceCds:Auth:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().SendAsync(CourseReview(null))).StatusCode);
        Assert.Contains(host.Logs, line => line.Contains("AUTHENTICATION IS OFF"));
    }

    private static void AssertAbsent(string haystack, string token, string where)
    {
        Assert.False(haystack.Contains(token), $"a token was found in the {where}");
        foreach (var part in token.Split('.').Where(p => p.Length > 20))
            Assert.False(haystack.Contains(part), $"a token part was found in the {where}");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Two service instances sharing one PostgreSQL store share the JWT replay cache.</summary>
public sealed class SharedReplayCacheTests(AuthTokens tokens) : IClassFixture<AuthTokens>, IAsyncLifetime
{
    private readonly PostgresBackend _pg = new();

    public Task InitializeAsync() => _pg.PrepareAsync();
    public async Task DisposeAsync() => await _pg.DisposeAsync();

    [Fact]
    public async Task A_token_used_on_one_instance_is_refused_by_the_other()
    {
        using var first = new TrustServiceHost(tokens.Settings(_pg.Location), new FixedClock(AuthTokens.Now));
        using var second = new TrustServiceHost(tokens.Settings(_pg.Location), new FixedClock(AuthTokens.Now));
        var body = SampleRequests.PatientView("p02").ToJsonString();
        HttpRequestMessage Call()
        {
            var r = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens["shared-replay"]);
            return r;
        }
        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().SendAsync(Call())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.CreateClient().SendAsync(Call())).StatusCode);
        Assert.Contains(second.Logs, line => line.Contains("AUTH140"));
    }
}
