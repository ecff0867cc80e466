using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaceCds.Service.Hosting;
using TaceCds.Service.Tests.Trust;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// Issue 13 row 5: the JWT audience comes from configuration (TaceCds:PublicBaseUrl, else the loopback listening URL),
/// never from the request; a token minted for http://evil.example/… is refused whatever Host or X-Forwarded-* header
/// comes with it. Also the per-client algorithm allowlist through the service.
/// </summary>
public sealed class AudienceTests(AudienceTokens tokens) : IClassFixture<AudienceTokens>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tacecds-aud-").FullName;
    private string Store => "sqlite:" + Path.Combine(_dir, "store.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private TrustServiceHost Host(Dictionary<string, string?>? extra = null)
    {
        var settings = tokens.Settings(Store);
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return new TrustServiceHost(settings, new FixedClock(AuthTokens.Now));
    }

    private static HttpRequestMessage Call(string token, string? host = null, string? forwardedHost = null, string url = AudienceTokens.Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(SampleRequests.PatientView("p02").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (host is not null) request.Headers.Host = host;
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
            request.Headers.Add("X-Forwarded-Proto", "http");
            request.Headers.Add("X-Forwarded-Prefix", "/");
        }
        return request;
    }

    [Fact]
    public async Task Given_no_PublicBaseUrl_a_token_for_evil_example_sent_with_Host_evil_example_is_refused_AUTH130()
    {
        using var host = Host();
        var response = await host.CreateClient().SendAsync(Call(tokens["evil-host"], host: "evil.example"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs, l => l.Contains("AUTH130", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_no_PublicBaseUrl_forged_X_Forwarded_headers_change_nothing()
    {
        using var host = Host();
        var response = await host.CreateClient().SendAsync(Call(tokens["evil-forwarded"], forwardedHost: "evil.example"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs, l => l.Contains("AUTH130", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_PublicBaseUrl_the_public_token_passes_with_a_forged_Host_and_the_evil_one_is_refused()
    {
        using var host = Host(new() { ["TaceCds:PublicBaseUrl"] = AuthTokens.PublicBase });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Call(tokens["public-forged-host"], host: "evil.example", forwardedHost: "evil.example"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Call(tokens["evil-behind-proxy"], host: "evil.example", forwardedHost: "evil.example"))).StatusCode);
    }

    [Fact]
    public async Task Given_Kestrel_on_loopback_without_PublicBaseUrl_the_listening_URL_is_the_audience_and_Host_changes_nothing()
    {
        var app = Program.Build([$"--TaceCds:Port={tokens.Port}"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(tokens.Settings(Store))
            {
                ["TaceCds:AsOf"] = ServiceHost.SamplesAsOf,
                ["TaceCds:LocalData"] = SampleRequests.SamplesFolder,
            });
            builder.Services.RemoveAll<TimeProvider>();
            builder.Services.AddSingleton<TimeProvider>(new FixedClock(AuthTokens.Now));
        });
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{tokens.Port}") };
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Call(tokens["loopback-ip"]))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Call(tokens["loopback-name"]))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Call(tokens["loopback-evil"], host: "evil.example"))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Call(tokens["loopback-evil-port"], host: $"evil.example:{tokens.Port}"))).StatusCode);
            Assert.Equal([$"http://127.0.0.1:{tokens.Port}", $"http://localhost:{tokens.Port}"], app.Services.GetRequiredService<ExpectedAudience>().Bases());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5858", "http://127.0.0.1:5858;http://localhost:5858")]
    [InlineData("http://[::1]:5858", "http://[::1]:5858;http://localhost:5858")]
    [InlineData("http://0.0.0.0:5858", "")]
    [InlineData("http://*:5858", "")]
    [InlineData("http://cds.internal:80", "")]
    public void The_audience_bases_come_from_loopback_listening_URLs_only(string listening, string expected)
    {
        var bases = ExpectedAudience.Bases(new ServiceSettings(), [listening]);
        Assert.Equal(expected.Split(';', StringSplitOptions.RemoveEmptyEntries), bases);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5858", true)]
    [InlineData("http://localhost:5858", true)]
    [InlineData("http://[::1]:5858", true)]
    [InlineData("http://0.0.0.0:5858", false)]
    [InlineData("http://+:5858", false)]
    [InlineData("http://*:5858", false)]
    [InlineData("http://10.0.0.5:5858", false)]
    public void Only_loopback_listeners_may_do_without_a_PublicBaseUrl(string address, bool loopback) =>
        Assert.Equal(loopback, ExpectedAudience.IsLoopbackAddress(address));

    [Fact]
    public void A_PublicBaseUrl_is_the_only_audience_base_whatever_the_service_listens_on()
    {
        var settings = new ServiceSettings { PublicBaseUrl = new Uri("https://cds.example.org/cds/") };
        Assert.Equal(["https://cds.example.org/cds"], ExpectedAudience.Bases(settings, ["http://127.0.0.1:5858"]));
    }

    [Fact]
    public async Task Given_a_client_allowed_only_ES384_its_valid_RS384_token_is_refused_AUTH102_and_ES384_passes()
    {
        using var host = Host(new() { ["TaceCds:PublicBaseUrl"] = AuthTokens.PublicBase, ["TaceCds:Auth:Clients:0:Algorithms"] = "ES384" });
        var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Call(tokens["alg-rs384"]))).StatusCode);
        Assert.Contains(host.Logs, l => l.Contains("AUTH102", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Call(tokens["alg-es384"]))).StatusCode);
    }
}
