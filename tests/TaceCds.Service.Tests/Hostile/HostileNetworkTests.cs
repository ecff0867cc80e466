using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TaceCds.Fhir.Client;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// Issue 13 rows 1-3 through the whole service and its real HTTP stack, against <see cref="MisbehavingFhirServer"/> on
/// loopback: SSRF targets refused before any socket (403 CDS114 by origin, FC108 by resolved address), no redirect
/// followed, the byte budget and the end-to-end time budget holding against endless, oversized, hanging and
/// trickling servers, and a huge Retry-After answered at once. Nothing here sends a packet off loopback: addresses
/// that are not loopback only ever reach <see cref="RecordingConnect"/>, which records them and opens nothing.
/// </summary>
public sealed class HostileNetworkTests : IAsyncLifetime
{
    private const string AccessToken = "ssrf-access-token-must-stay-home-5d1e";
    private MisbehavingFhirServer _fhir = null!;

    public async Task InitializeAsync() => _fhir = await MisbehavingFhirServer.StartAsync(pageBytes: 10 * 1024 * 1024);
    public async Task DisposeAsync() => await _fhir.DisposeAsync();

    /// <summary>Stands in for the socket connect: loopback connects for real, anything else is recorded and refused.</summary>
    private sealed class RecordingConnect
    {
        public List<IPEndPoint> NonLoopback { get; } = [];

        public async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
        {
            if (!IPAddress.IsLoopback(endpoint.Address))
            {
                lock (NonLoopback) NonLoopback.Add(endpoint);
                throw new SocketException((int)SocketError.ConnectionRefused);
            }
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
    }

    private static FhirConnectGuard Guard(RecordingConnect connect, Dictionary<string, IPAddress[]>? dns = null) =>
        new((host, _) => Task.FromResult(dns?.GetValueOrDefault(host) ?? (host == "localhost" ? [IPAddress.Loopback] : [])), connect.ConnectAsync);

    private static JsonObject PatientView(string fhirServer)
    {
        var request = SampleRequests.PatientView("p02");
        request["fhirServer"] = fhirServer;
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = AccessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "tacecds" };
        return request;
    }

    private static async Task<(HttpResponseMessage Response, JsonNode? Body, TimeSpan Elapsed)> Call(HostileServiceHost host, string fhirServer)
    {
        var clock = Stopwatch.StartNew();
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, PatientView(fhirServer));
        return (response, body, clock.Elapsed);
    }

    // A 412 CDS302 whose text names the FHIR client code.
    private static void FailedWith(HttpResponseMessage response, JsonNode? body, string clientCode)
    {
        var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.FhirServerFailed);
        Assert.Contains(clientCode + ":", (string?)outcome["issue"]![0]!["details"]!["text"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fe80::1]/fhir")]
    [InlineData("http://10.0.0.5/fhir")]
    [InlineData("https://fhir.example.org/r4")]
    public async Task Given_no_auth_a_non_loopback_fhirServer_is_refused_403_CDS114_before_any_connection(string fhirServer)
    {
        using var host = new HostileServiceHost();
        var (response, body, _) = await Call(host, fhirServer);
        OutcomeAssert.Error(response, body, HttpStatusCode.Forbidden, CdsErrorCodes.FhirServerNotAllowed, "fhirServer");
        Assert.Equal(0, host.Guard.Attempts);
    }

    [Fact]
    public async Task Given_the_metadata_origin_allowlisted_the_guard_still_refuses_169_254_169_254_FC108_and_opens_no_socket()
    {
        var connect = new RecordingConnect();
        using var host = new HostileServiceHost(new Dictionary<string, string?> { ["TaceCds:FhirServer:AllowedOrigins"] = "http://169.254.169.254" }, Guard(connect));
        var (response, body, _) = await Call(host, "http://169.254.169.254/latest/meta-data");
        FailedWith(response, body, FhirClientErrorCodes.AddressRefused);
        Assert.True(host.Guard.Refused > 0);
        Assert.Equal(0, host.Guard.Connected);
        Assert.Empty(connect.NonLoopback);
    }

    [Fact]
    public async Task A_public_looking_name_that_DNS_points_at_the_metadata_address_is_refused_FC108_whatever_the_allowlist()
    {
        var connect = new RecordingConnect();
        var dns = new Dictionary<string, IPAddress[]> { ["fhir.rebind.test"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("169.254.169.254")] };
        using var host = new HostileServiceHost(new Dictionary<string, string?>
        {
            ["TaceCds:FhirServer:AllowedOrigins"] = "http://fhir.rebind.test",
            ["TaceCds:FhirServer:AllowedNetworks"] = "169.254.0.0/16", // cannot open the never-contacted range
        }, Guard(connect, dns));
        var (response, body, _) = await Call(host, "http://fhir.rebind.test/fhir");
        FailedWith(response, body, FhirClientErrorCodes.AddressRefused);
        Assert.Empty(connect.NonLoopback);
    }

    [Fact]
    public async Task A_name_resolving_to_a_private_address_is_contacted_only_once_its_network_is_allowlisted()
    {
        var connect = new RecordingConnect();
        var dns = new Dictionary<string, IPAddress[]> { ["ehr.internal.test"] = [IPAddress.Parse("10.1.2.3")] };
        using (var host = new HostileServiceHost(new Dictionary<string, string?> { ["TaceCds:FhirServer:AllowedOrigins"] = "http://ehr.internal.test" }, Guard(connect, dns)))
        {
            var (response, body, _) = await Call(host, "http://ehr.internal.test/fhir");
            FailedWith(response, body, FhirClientErrorCodes.AddressRefused);
            Assert.Empty(connect.NonLoopback);
        }
        using (var host = new HostileServiceHost(new Dictionary<string, string?>
        {
            ["TaceCds:FhirServer:AllowedOrigins"] = "http://ehr.internal.test",
            ["TaceCds:FhirServer:AllowedNetworks"] = "10.0.0.0/8",
        }, Guard(connect, dns)))
        {
            var (response, body, _) = await Call(host, "http://ehr.internal.test/fhir");
            // Allowed: the guard hands 10.1.2.3 to the connect step (a recorder here, so nothing leaves the machine).
            FailedWith(response, body, FhirClientErrorCodes.Unreachable);
            Assert.All(connect.NonLoopback, e => Assert.Equal(IPAddress.Parse("10.1.2.3"), e.Address));
            Assert.NotEmpty(connect.NonLoopback);
        }
    }

    [Fact]
    public async Task A_302_to_another_server_is_FC109_and_nobody_follows_it()
    {
        using var host = new HostileServiceHost();
        var (response, body, _) = await Call(host, _fhir.Base("redirect"));
        FailedWith(response, body, FhirClientErrorCodes.Redirect);
        Assert.True(_fhir.Requests("redirect") > 0);
        Assert.Equal(0, _fhir.Elsewhere.Requests);
    }

    [Fact]
    public async Task Given_10_MB_pages_in_an_endless_next_chain_the_call_stops_at_its_32_MB_budget_FC110()
    {
        using var host = new HostileServiceHost();
        var (response, body, elapsed) = await Call(host, _fhir.Base("endless"));
        FailedWith(response, body, FhirClientErrorCodes.CallBudgetExceeded);
        // Seven keys in parallel: what was served is the budget plus what was in flight when it ran out, not 20 pages × 7.
        Assert.True(_fhir.BytesServed < 80L * 1024 * 1024, $"{_fhir.BytesServed} bytes served");
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"answered after {elapsed}");
    }

    [Fact]
    public async Task Given_15_MB_pages_on_all_seven_keys_the_call_stops_at_its_budget_within_the_total_timeout()
    {
        await using var big = await MisbehavingFhirServer.StartAsync(pageBytes: 15 * 1024 * 1024);
        using var host = new HostileServiceHost();
        var (response, body, elapsed) = await Call(host, big.Base("huge"));
        FailedWith(response, body, FhirClientErrorCodes.CallBudgetExceeded);
        Assert.True(big.BytesServed < 7L * 15 * 1024 * 1024, $"{big.BytesServed} bytes served");
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"answered after {elapsed}");
    }

    [Fact]
    public async Task Each_call_has_a_budget_of_its_own_so_two_calls_of_21_MB_each_both_succeed()
    {
        await using var medium = await MisbehavingFhirServer.StartAsync(pageBytes: 3 * 1024 * 1024);
        using var host = new HostileServiceHost();
        for (var call = 1; call <= 2; call++)
        {
            // Every page read within budget: the call gets past the FHIR reads (no CDS302 FC110) and stops only because
            // the padded pages hold no Patient — an unknown patient, 412 CDS303 since issue 18 point 5 (was 200 []).
            var (response, body, _) = await Call(host, medium.Base("huge"));
            OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.PatientUnknown, "context.patientId");
        }
        Assert.Equal(14, medium.Requests("huge")); // 7 keys × 2 calls, 3 MB each: 21 MB a call, under 32 MB
    }

    [Theory]
    [InlineData("hang")]
    [InlineData("trickle")]
    public async Task Given_a_1_5_s_total_budget_a_hanging_or_trickling_server_is_cut_off_at_the_budget_FC101(string behaviour)
    {
        using var host = new HostileServiceHost(new Dictionary<string, string?>
        {
            ["TaceCds:FhirClient:TotalTimeoutMs"] = "1500",
            ["TaceCds:FhirClient:RequestTimeoutMs"] = "60000", // only the call's budget can stop it
        });
        var (response, body, elapsed) = await Call(host, _fhir.Base(behaviour));
        FailedWith(response, body, FhirClientErrorCodes.Timeout);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1.4) && elapsed < TimeSpan.FromSeconds(4), $"answered after {elapsed}");
    }

    [Fact]
    public async Task A_429_with_Retry_After_3600_is_answered_at_once_without_waiting_FC102()
    {
        using var host = new HostileServiceHost();
        var (response, body, elapsed) = await Call(host, _fhir.Base("429"));
        FailedWith(response, body, FhirClientErrorCodes.ErrorStatus);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"answered after {elapsed}");
        Assert.Equal(7, _fhir.Requests("429")); // one per prefetch key, none retried
    }

    [Fact]
    public async Task A_server_that_always_answers_500_is_retried_twice_per_key_then_FC102()
    {
        using var host = new HostileServiceHost(new Dictionary<string, string?> { ["TaceCds:FhirClient:RetryBaseDelayMs"] = "10" });
        var (response, body, _) = await Call(host, _fhir.Base("500"));
        FailedWith(response, body, FhirClientErrorCodes.ErrorStatus);
        Assert.Equal(7 * 3, _fhir.Requests("500"));
    }
}
