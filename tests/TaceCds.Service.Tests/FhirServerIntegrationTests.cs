using TaceCds.Service.Evaluation;
using TaceCds.Rules.Pipeline;
using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Fhir.Client;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>
/// Every hook, called with no prefetch against a real FHIR server holding the samples: the service pulls what it needs
/// (bearer token, paged searches) and answers with the same cards as with full prefetch.
/// </summary>
public sealed class FhirServerIntegrationTests : IClassFixture<FhirServerFixture>
{
    private readonly FhirServerFixture _fixture;

    public FhirServerIntegrationTests(FhirServerFixture fixture) => _fixture = fixture;

    public static TheoryData<string> Patients => new(SampleRequests.PatientIds);

    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Every_hook_without_prefetch_gives_the_cards_of_full_prefetch(string patientId)
    {
        var client = _fixture.Host.CreateClient();
        var calls = new (string Service, Func<JsonObject?, JsonObject> Request)[]
        {
            (ServiceCatalog.CourseReviewId, p => SampleRequests.PatientView(patientId, p)),
            (ServiceCatalog.OrderCheckId, p => SampleRequests.Order(HookDefinitions.OrderSelect, patientId, p)),
            (ServiceCatalog.OrderCheckId, p => SampleRequests.Order(HookDefinitions.OrderSign, patientId, p)),
        };
        foreach (var (service, request) in calls)
        {
            var (fullResponse, full) = await SampleRequests.PostAsync(client, service, request(SampleRequests.FullPrefetch(patientId)));
            var pulled = request(null);
            pulled["fhirServer"] = _fixture.Server.BaseUrl.ToString();
            pulled["fhirAuthorization"] = new JsonObject
            {
                ["access_token"] = "opaque-test-token", ["token_type"] = "Bearer", ["expires_in"] = 300,
                ["scope"] = "patient/*.read", ["subject"] = "tacecds", ["patient"] = patientId,
            };
            var (pulledResponse, fromServer) = await SampleRequests.PostAsync(client, service, pulled);
            Assert.Equal(HttpStatusCode.OK, fullResponse.StatusCode);
            Assert.Equal(HttpStatusCode.OK, pulledResponse.StatusCode);
            Assert.NotEmpty(full!["cards"]!.AsArray());
            Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(fromServer));
        }
    }

    [Fact]
    public async Task Neither_the_access_token_nor_the_patient_id_is_logged()
    {
        var logs = new CapturedLogs();
        using var host = new ServiceHost(logs: logs);
        var request = SampleRequests.PatientView("p07");
        request["fhirServer"] = _fixture.Server.BaseUrl.ToString();
        request["fhirAuthorization"] = new JsonObject
        {
            ["access_token"] = "tok-5f2b9c41", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/*.read", ["subject"] = "tacecds",
        };
        var (response, _) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        request["fhirServer"] = "http://127.0.0.1:9/fhir"; // and when the pull fails
        (response, _) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, request);
        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains("tok-5f2b9c41", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Messages, m => m.Contains("p07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partial_prefetch_is_merged_with_reads_from_the_server()
    {
        var client = _fixture.Host.CreateClient();
        var (_, full) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p15", SampleRequests.FullPrefetch("p15")));
        var prefetch = SampleRequests.FullPrefetch("p15");
        prefetch.Remove("observations");
        prefetch["imagingStudies"] = CourseReviewTests.Outcome("error", "timeout");
        var request = SampleRequests.PatientView("p15", prefetch);
        request["fhirServer"] = _fixture.Server.BaseUrl.ToString();
        var (response, merged) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(merged));
    }

    [Fact]
    public async Task A_paginated_prefetch_searchset_is_completed_from_the_server()
    {
        var client = _fixture.Host.CreateClient();
        var (_, full) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", SampleRequests.FullPrefetch("p02")));
        using var http = new HttpClient();
        // The first page only (25 of 100 Observations), with its next link, as a client that paginates prefetch sends it.
        var firstPage = JsonNode.Parse(await http.GetStringAsync(new Uri(_fixture.Server.BaseUrl + "/Observation?patient=p02")))!;
        Assert.Equal(NodeFhirServer.PageSize, firstPage["entry"]!.AsArray().Count);
        var prefetch = SampleRequests.FullPrefetch("p02");
        prefetch["observations"] = firstPage;
        var request = SampleRequests.PatientView("p02", prefetch);
        request["fhirServer"] = _fixture.Server.BaseUrl.ToString();
        var (response, paged) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(paged));
    }

    [Fact]
    public async Task A_configured_fhir_server_serves_requests_that_name_none()
    {
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:FhirServer:BaseUrl"] = _fixture.Server.BaseUrl.ToString() });
        var client = host.CreateClient();
        var (_, full) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p04", SampleRequests.FullPrefetch("p04")));
        var (response, pulled) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p04"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SampleRequests.CardsWithoutUuids(full), SampleRequests.CardsWithoutUuids(pulled));
    }

    [Fact]
    public void The_board_command_reads_patients_from_a_FHIR_server()
    {
        var output = Path.Combine(Path.GetTempPath(), $"board-{Guid.NewGuid():N}.html");
        try
        {
            var exit = TaceCds.Cli.Commands.BoardCommand.Create().Parse(
                ["--fhir-server", _fixture.Server.BaseUrl.ToString(), "--patient", "p02", "--patient", "p10", "--as-of", "2025-06-01", "--out", output]).Invoke();

            Assert.Equal(0, exit);
            var html = File.ReadAllText(output);
            Assert.Contains("data-patient=\"Patient/p02\"", html);
            Assert.Contains("data-patient=\"Patient/p10\"", html);
            Assert.Contains("TACE refractoriness (CCI 2022)", html);
        }
        finally { File.Delete(output); }
    }

    [Fact]
    public void The_board_command_reports_an_unknown_patient_on_the_server()
    {
        var exit = TaceCds.Cli.Commands.BoardCommand.Create().Parse(
            ["--fhir-server", _fixture.Server.BaseUrl.ToString(), "--patient", "nobody", "--as-of", "2025-06-01", "--out", Path.Combine(Path.GetTempPath(), "never.html")]).Invoke();
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task The_client_follows_next_links_through_every_page()
    {
        using var http = new HttpClient();
        var client = new FhirRestClient(http);
        var server = new FhirServerAccess(_fixture.Server.BaseUrl);
        // samples/p02.json holds 100 Observations: 4 pages of 25.
        var result = await client.FetchAsync(server, "Observation?patient=p02", CancellationToken.None);
        Assert.Equal(100, result.Resources.Count);
        Assert.Equal(4, result.Pages);
        Assert.Equal(100, result.Resources.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_server_as_a_data_source_gives_the_whole_record()
    {
        using var http = new HttpClient();
        var source = new FhirRestDataSource(new FhirRestClient(http), new FhirServerAccess(_fixture.Server.BaseUrl));
        var record = await source.GetPatientRecordAsync("p02", CancellationToken.None);
        // samples README / tacecds evaluate: p02 has 113 resources (the Patient included).
        Assert.Equal(113, record!.Resources.Count);
        Assert.Equal("p02", record.Patient!.Id);
        Assert.Empty(record.Issues);
        Assert.Null(await source.GetPatientRecordAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task An_unreachable_fhir_server_is_412_naming_the_failure()
    {
        var request = SampleRequests.PatientView("p02");
        request["fhirServer"] = "http://127.0.0.1:9/fhir"; // discard port: nothing listens
        var (response, body) = await SampleRequests.PostAsync(_fixture.Host.CreateClient(), ServiceCatalog.CourseReviewId, request);
        var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, Errors.CdsErrorCodes.FhirServerFailed);
        Assert.Contains(FhirClientErrorCodes.Unreachable, (string?)outcome["issue"]![0]!["details"]!["text"]);
    }
}

/// <summary>
/// The Node FHIR server and a service host without local data (so everything comes from prefetch or the server), with the
/// bundled rule packs: pulled and prefetched data must give the same rule cards.
/// </summary>
public sealed class FhirServerFixture : IDisposable
{
    public NodeFhirServer Server { get; } = new();
    public ServiceHost Host { get; } = new(evaluator: new DefaultPatientEvaluator(PatientPipeline.Load()));

    public void Dispose()
    {
        Host.Dispose();
        Server.Dispose();
    }
}
