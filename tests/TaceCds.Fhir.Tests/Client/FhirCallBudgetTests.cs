using System.Net;
using TaceCds.Fhir.Client;

namespace TaceCds.Fhir.Tests.Client;

/// <summary>Issue 13 rows 2-3 at the client: redirects are errors, one byte budget spans every fetch of a call, Retry-After beyond the cap is not waited for.</summary>
public sealed class FhirCallBudgetTests
{
    private const string Base = "https://fhir.example.org/fhir";
    private static readonly FhirClientOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };
    private static readonly FhirServerAccess Server = new(new Uri(Base), "secret-token-123");

    [Theory]
    [InlineData(HttpStatusCode.MovedPermanently)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.TemporaryRedirect)]
    [InlineData(HttpStatusCode.PermanentRedirect)]
    public async Task A_redirect_is_FC109_and_is_not_followed(HttpStatusCode status)
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1", () =>
        {
            var r = ScriptedFhirServer.Json("{}", status);
            r.Headers.Location = new Uri("https://evil.example.net/fhir/Patient/p1");
            return r;
        });
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => new FhirRestClient(new HttpClient(server), Fast).ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.Redirect, ex.Code);
        Assert.Equal((int)status, ex.Status);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Given_a_10_kB_call_budget_two_searches_of_6_kB_each_spend_it_and_the_second_is_FC110()
    {
        var page = ScriptedFhirServer.Searchset(null, Enumerable.Range(0, 45).Select(i => ScriptedFhirServer.Observation("o" + i)).ToArray());
        Assert.InRange(page.Length, 5_001, 9_999); // one page fits, two do not
        var server = new ScriptedFhirServer()
            .On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(page))
            .On("/fhir/Condition?patient=p1", () => ScriptedFhirServer.Json(page));
        var options = Fast with { MaxCallBytes = 10_000 };
        using var budget = new FhirCallBudget(options);
        var client = new FhirRestClient(new HttpClient(server), options, budget: budget);

        var first = await client.FetchAsync(Server, "Observation?patient=p1", CancellationToken.None);
        Assert.Equal(45, first.Resources.Count);
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => client.FetchAsync(Server, "Condition?patient=p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.CallBudgetExceeded, ex.Code);
        Assert.True(budget.BytesRead <= 10_000 + 81_920, $"{budget.BytesRead} bytes read");
    }

    [Fact]
    public async Task Without_a_call_budget_each_fetch_has_its_own()
    {
        var page = ScriptedFhirServer.Searchset(null, Enumerable.Range(0, 30).Select(i => ScriptedFhirServer.Observation("o" + i)).ToArray());
        var server = new ScriptedFhirServer().On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(page));
        var client = new FhirRestClient(new HttpClient(server), Fast with { MaxCallBytes = 10_000 });
        for (var i = 0; i < 3; i++) Assert.Equal(30, (await client.FetchAsync(Server, "Observation?patient=p1", CancellationToken.None)).Resources.Count);
    }

    [Fact]
    public async Task A_declared_content_length_beyond_the_call_budget_is_refused_before_reading()
    {
        var server = new ScriptedFhirServer().On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset(null, ScriptedFhirServer.Observation("o1"))));
        var ex = await Assert.ThrowsAsync<FhirClientException>(() =>
            new FhirRestClient(new HttpClient(server), Fast with { MaxCallBytes = 50 }).FetchAsync(Server, "Observation?patient=p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.CallBudgetExceeded, ex.Code);
    }

    [Fact]
    public async Task A_429_asking_for_an_hour_is_FC102_at_once_and_not_retried()
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1", () =>
        {
            var r = ScriptedFhirServer.Json("{}", HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return r;
        });
        var ex = await Assert.ThrowsAsync<FhirClientException>(() =>
            new FhirRestClient(new HttpClient(server), new FhirClientOptions()).ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.ErrorStatus, ex.Code);
        Assert.Contains("3600 s", ex.Detail, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_retry_delay_longer_than_the_time_left_is_not_waited_for()
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1", () => ScriptedFhirServer.Json("{}", HttpStatusCode.ServiceUnavailable));
        var options = new FhirClientOptions { TotalTimeout = TimeSpan.FromMilliseconds(300), RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(2) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => new FhirRestClient(new HttpClient(server), options).ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.ErrorStatus, ex.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(300), $"took {clock.Elapsed}");
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_address_policy_of_the_server_travels_with_each_request()
    {
        var seen = new List<AddressPolicy?>();
        var handler = new PolicyRecorder(seen);
        var strict = new AddressPolicy { AllowedNetworks = [IPNetwork.Parse("10.0.0.0/8")] };
        await new FhirRestClient(new HttpClient(handler), Fast).FetchAsync(Server.WithNetwork(strict), "Patient/p1", CancellationToken.None);
        await new FhirRestClient(new HttpClient(handler), Fast).FetchAsync(Server, "Patient/p1", CancellationToken.None);
        Assert.Equal([strict, AddressPolicy.Operator], seen);
    }

    private sealed class PolicyRecorder(List<AddressPolicy?> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            seen.Add(request.Options.TryGetValue(AddressPolicy.OptionKey, out var p) ? p : null);
            return Task.FromResult(ScriptedFhirServer.Json("""{"resourceType":"Patient","id":"p1"}"""));
        }
    }
}
