using System.Net;
using TaceCds.Fhir.Client;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Client;

public sealed class FhirRestClientTests
{
    private const string Base = "https://fhir.example.org/fhir";
    private static readonly FhirClientOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(20) };
    private static readonly FhirServerAccess Server = new(new Uri(Base), "secret-token-123");

    private static FhirRestClient Client(ScriptedFhirServer server, FhirClientOptions? options = null) => new(new HttpClient(server), options ?? Fast);

    [Fact]
    public async Task Sends_the_bearer_token_and_follows_next_links_across_pages()
    {
        var server = new ScriptedFhirServer()
            .On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset($"{Base}/Observation?patient=p1&page=2", ScriptedFhirServer.Observation("o1"), ScriptedFhirServer.Observation("o2"))))
            .On("/fhir/Observation?patient=p1&page=2", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset($"{Base}/Observation?patient=p1&page=3", ScriptedFhirServer.Observation("o3"))))
            .On("/fhir/Observation?patient=p1&page=3", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset(null, ScriptedFhirServer.Observation("o4"))));
        var result = await Client(server).FetchAsync(Server, "Observation?patient=p1", CancellationToken.None);
        Assert.Equal(["o1", "o2", "o3", "o4"], result.Resources.Select(r => r.Id));
        Assert.Equal(3, result.Pages);
        Assert.All(server.Requests, r => Assert.Equal("Bearer secret-token-123", r.Authorization));
    }

    [Fact]
    public async Task A_read_returns_the_resource_and_a_404_is_not_found()
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1", () => ScriptedFhirServer.Json("""{"resourceType":"Patient","id":"p1"}"""));
        var client = Client(server);
        Assert.Equal("p1", (await client.ReadAsync(Server, "Patient/p1", CancellationToken.None))?.Id);
        var missing = await client.FetchAsync(Server, "Patient/nobody", CancellationToken.None);
        Assert.True(missing.NotFound);
        Assert.Empty(missing.Resources);
    }

    [Fact]
    public async Task A_next_link_to_another_server_is_refused_and_the_token_is_not_sent_there()
    {
        var server = new ScriptedFhirServer()
            .On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset("https://evil.example.net/fhir/Observation?page=2", ScriptedFhirServer.Observation("o1"))));
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => Client(server).FetchAsync(Server, "Observation?patient=p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.ForeignLink, ex.Code);
        Assert.DoesNotContain(server.Requests, r => r.Url.Host == "evil.example.net");
    }

    [Fact]
    public async Task Pages_are_bounded()
    {
        var server = new ScriptedFhirServer()
            .On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset($"{Base}/Observation?patient=p1", ScriptedFhirServer.Observation("o1"))));
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => Client(server, Fast with { MaxPages = 3 }).FetchAsync(Server, "Observation?patient=p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.TooManyPages, ex.Code);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Response_size_is_bounded_with_and_without_content_length()
    {
        var big = ScriptedFhirServer.Searchset(null, Enumerable.Range(0, 50).Select(i => ScriptedFhirServer.Observation("o" + i)).ToArray());
        var server = new ScriptedFhirServer()
            .On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(big))
            .On("/fhir/Observation?patient=p2", () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new NoLengthStream(System.Text.Encoding.UTF8.GetBytes(big))) });
        var client = Client(server, Fast with { MaxResponseBytes = 1000 });
        Assert.Equal(FhirClientErrorCodes.ResponseTooLarge, (await Assert.ThrowsAsync<FhirClientException>(() => client.FetchAsync(Server, "Observation?patient=p1", CancellationToken.None))).Code);
        Assert.Equal(FhirClientErrorCodes.ResponseTooLarge, (await Assert.ThrowsAsync<FhirClientException>(() => client.FetchAsync(Server, "Observation?patient=p2", CancellationToken.None))).Code);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task Server_errors_and_429_are_retried(HttpStatusCode status)
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1",
            () => ScriptedFhirServer.Json("{}", status),
            () => ScriptedFhirServer.Json("""{"resourceType":"Patient","id":"p1"}"""));
        var patient = await Client(server).ReadAsync(Server, "Patient/p1", CancellationToken.None);
        Assert.Equal("p1", patient?.Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number()
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1", () => ScriptedFhirServer.Json("{}", HttpStatusCode.InternalServerError));
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => Client(server, Fast with { MaxRetries = 2 }).ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.ErrorStatus, ex.Code);
        Assert.Equal(500, ex.Status);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task Client_errors_are_not_retried(HttpStatusCode status)
    {
        var server = new ScriptedFhirServer().On("/fhir/Patient/p1", () => ScriptedFhirServer.Json("""{"resourceType":"OperationOutcome","issue":[]}""", status));
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => Client(server).ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal((int)status, ex.Status);
        Assert.Single(server.Requests);
        Assert.DoesNotContain("secret-token-123", ex.ToString());
    }

    [Fact]
    public async Task A_slow_server_times_out()
    {
        var server = new SlowServer(TimeSpan.FromSeconds(30));
        var client = new FhirRestClient(new HttpClient(server), Fast with { RequestTimeout = TimeSpan.FromMilliseconds(100) });
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => client.ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.Timeout, ex.Code);
    }

    [Fact]
    public async Task The_total_time_of_a_pull_is_bounded()
    {
        var server = new SlowServer(TimeSpan.FromSeconds(30));
        var client = new FhirRestClient(new HttpClient(server), Fast with { TotalTimeout = TimeSpan.FromMilliseconds(100) });
        var ex = await Assert.ThrowsAsync<FhirClientException>(() => client.ReadAsync(Server, "Patient/p1", CancellationToken.None));
        Assert.Equal(FhirClientErrorCodes.Timeout, ex.Code);
    }

    [Fact]
    public async Task Operation_outcomes_and_unreadable_entries_are_reported_not_thrown()
    {
        var body = ScriptedFhirServer.Searchset(null, ScriptedFhirServer.Observation("o1"),
            """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"too-costly","diagnostics":"partial"}]}""",
            // Unreadable as a resource: its id is not a FHIR id (a bad element elsewhere would only drop that element, below).
            """{"resourceType":"Observation","id":"not an id!","status":"final","code":{"text":"x"}}""");
        var server = new ScriptedFhirServer().On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(body));
        var result = await Client(server).FetchAsync(Server, "Observation?patient=p1", CancellationToken.None);
        Assert.Equal(["o1"], result.Resources.Select(r => r.Id));
        Assert.Equal("too-costly", Assert.Single(result.Outcomes).Issue[0].Code);
        Assert.StartsWith("JSON1", Assert.Single(result.Issues).Code);
    }

    [Fact]
    public async Task A_resource_on_a_page_with_one_bad_element_is_kept_without_it_and_says_which_page_and_entry()
    {
        var body = ScriptedFhirServer.Searchset(null, ScriptedFhirServer.Observation("o1"),
            """{"resourceType":"Observation","id":"o2","status":"final","code":{"text":"x"},"valueQuantity":{"value":"not a number"}}""");
        var server = new ScriptedFhirServer().On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(body));

        var result = await Client(server).FetchAsync(Server, "Observation?patient=p1", CancellationToken.None);

        Assert.Equal(["o1", "o2"], result.Resources.Select(r => r.Id));
        Assert.Empty(result.Issues);
        var o2 = (Observation)result.Resources[1];
        Assert.Null(o2.Value);
        Assert.Equal(("JSON103", "Observation.valueQuantity.value"), (o2.DroppedElements.Single().Code, o2.DroppedElements.Single().Path));
        Assert.Equal("GET Observation?patient=p1 page 1 entry[1]", o2.SourceLocation);
    }

    [Fact]
    public async Task A_body_that_is_not_fhir_json_is_an_invalid_response()
    {
        var server = new ScriptedFhirServer()
            .On("/fhir/Patient/p1", () => ScriptedFhirServer.Json("<html>login</html>"))
            .On("/fhir/Patient/p2", () => ScriptedFhirServer.Json("""{"hello":"world"}"""));
        var client = Client(server);
        Assert.Equal(FhirClientErrorCodes.InvalidResponse, (await Assert.ThrowsAsync<FhirClientException>(() => client.ReadAsync(Server, "Patient/p1", CancellationToken.None))).Code);
        Assert.Equal(FhirClientErrorCodes.InvalidResponse, (await Assert.ThrowsAsync<FhirClientException>(() => client.ReadAsync(Server, "Patient/p2", CancellationToken.None))).Code);
    }

    [Fact]
    public void The_token_never_shows_in_text()
    {
        Assert.DoesNotContain("secret-token-123", Server.ToString());
        Assert.True(Server.HasToken);
        Assert.Equal("https://fhir.example.org/fhir/", Server.BaseUrl.ToString());
    }

    [Fact]
    public async Task As_a_data_source_it_reads_the_patient_and_each_resource_type()
    {
        var server = new ScriptedFhirServer()
            .On("/fhir/Patient/p1", () => ScriptedFhirServer.Json("""{"resourceType":"Patient","id":"p1"}"""))
            .On("/fhir/Observation?patient=p1", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset(null, ScriptedFhirServer.Observation("o1"))));
        foreach (var type in FhirRestDataSource.PatientCompartmentTypes.Where(t => t != "Observation"))
            server.On($"/fhir/{type}?patient=p1", () => ScriptedFhirServer.Json(ScriptedFhirServer.Searchset(null)));
        var source = new FhirRestDataSource(Client(server), Server);
        var record = await source.GetPatientRecordAsync("p1", CancellationToken.None);
        Assert.Equal("p1", record!.Patient!.Id);
        Assert.Equal(["Patient", "Observation"], record.Resources.Select(r => r.ResourceType));
        Assert.Equal(1 + FhirRestDataSource.PatientCompartmentTypes.Count, server.Requests.Count);
        Assert.Null(await new FhirRestDataSource(Client(new ScriptedFhirServer()), Server).GetPatientRecordAsync("p1", CancellationToken.None));
    }

    [Fact]
    public void Retry_after_is_honoured_within_the_cap()
    {
        var options = new FhirClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(2) };
        Assert.Equal(TimeSpan.FromMilliseconds(100), RetryDelayFor(0, null, options));
        Assert.Equal(TimeSpan.FromMilliseconds(400), RetryDelayFor(2, null, options));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelayFor(0, new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1)), options));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelayFor(0, new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(60)), options));
    }

    private static TimeSpan RetryDelayFor(int attempt, System.Net.Http.Headers.RetryConditionHeaderValue? header, FhirClientOptions options) =>
        RetryDelay.For(attempt, header, options, TimeProvider.System);

    private sealed class SlowServer(TimeSpan delay) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await Task.Delay(delay, ct);
            return ScriptedFhirServer.Json("""{"resourceType":"Patient","id":"p1"}""");
        }
    }

    // A body whose length is unknown until read (chunked transfer).
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
