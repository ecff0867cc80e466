using System.Net;
using System.Text.Json.Nodes;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>
/// Issue 18 point 5: a patient the data sources do not know is 412 CDS303 (CDS Hooks 2.0.1 §"HTTP Status Codes": the
/// service "is unable to retrieve the necessary FHIR data"), never <c>{"cards": []}</c>; a known patient the service has
/// nothing to say about is still 200.
/// </summary>
public sealed class UnknownPatientTests : IClassFixture<FhirServerFixture>
{
    private readonly FhirServerFixture _fixture;

    public UnknownPatientTests(FhirServerFixture fixture) => _fixture = fixture;

    private static string Text(JsonObject outcome) => (string)outcome["issue"]![0]!["details"]!["text"]!;

    private static JsonObject EmptySearchset() => new() { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = 0, ["entry"] = new JsonArray() };

    [Fact]
    public async Task Given_a_patient_the_FHIR_server_answers_404_and_empty_searches_for_then_every_hook_is_412_CDS303()
    {
        var client = _fixture.Host.CreateClient();
        foreach (var (service, request) in new[]
                 {
                     (ServiceCatalog.CourseReviewId, SampleRequests.PatientView("nobody")),
                     (ServiceCatalog.OrderCheckId, SampleRequests.Order(HookDefinitions.OrderSign, "nobody")),
                 })
        {
            request["fhirServer"] = _fixture.Server.BaseUrl.ToString();
            var (response, body) = await SampleRequests.PostAsync(client, service, request);
            var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.PatientUnknown, "context.patientId");
            Assert.Equal("not-found", (string?)outcome["issue"]![0]!["code"]);
            Assert.StartsWith("the data sources do not know this patient: no Patient resource and no other data (", Text(outcome), StringComparison.Ordinal);
            Assert.Contains("patient: fhirServer (not found)", Text(outcome), StringComparison.Ordinal);
            Assert.Contains("observations: fhirServer (1 page)", Text(outcome), StringComparison.Ordinal);
            Assert.DoesNotContain("nobody", Text(outcome), StringComparison.Ordinal); // the text never names the patient
        }
    }

    [Fact]
    public async Task Given_a_client_that_prefetched_null_for_the_patient_and_empty_searches_then_412_CDS303()
    {
        using var host = new ServiceHost();
        var prefetch = new JsonObject();
        foreach (var (key, template) in ServiceCatalog.PatientPrefetch)
            prefetch[key] = template.Contains('?') ? EmptySearchset() : null;
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", prefetch));
        var outcome = OutcomeAssert.Error(response, body, HttpStatusCode.PreconditionFailed, CdsErrorCodes.PatientUnknown, "context.patientId");
        Assert.Contains("patient: prefetch (null: no data); conditions: prefetch;", Text(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_known_patient_with_no_TACE_data_then_200_with_the_course_summary_saying_so()
    {
        using var host = new ServiceHost();
        var prefetch = new JsonObject();
        foreach (var (key, template) in ServiceCatalog.PatientPrefetch)
            prefetch[key] = template.Contains('?') ? EmptySearchset() : SampleRequests.FullPrefetch("p02")["patient"]!.DeepClone();
        var (response, body) = await SampleRequests.PostAsync(host.CreateClient(), ServiceCatalog.CourseReviewId, SampleRequests.PatientView("p02", prefetch));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(body!["cards"]!.AsArray())!;
        Assert.Equal("No TACE course on record", (string?)card["summary"]);
    }

    [Fact]
    public async Task Given_a_known_patient_on_the_FHIR_server_and_an_order_that_is_not_TACE_then_200_with_no_cards()
    {
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p02", system: "http://snomed.info/sct", code: "77477000"); // SNOMED CT 77477000 |CT scan|
        request["fhirServer"] = _fixture.Server.BaseUrl.ToString();
        var (response, body) = await SampleRequests.PostAsync(_fixture.Host.CreateClient(), ServiceCatalog.OrderCheckId, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", body!.ToJsonString());
    }
}
