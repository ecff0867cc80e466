using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Tests;

/// <summary>Every refused request: status, OperationOutcome with a stable code, and the field it names. Never a 500.</summary>
public sealed class RequestValidationTests : IClassFixture<ServiceHostFixture>
{
    private readonly ServiceHostFixture _fixture;
    private readonly HttpClient _client;

    public RequestValidationTests(ServiceHostFixture fixture)
    {
        _fixture = fixture;
        _client = fixture.Host.CreateClient();
    }

    private static JsonObject Valid() => SampleRequests.PatientView("p02");

    private async Task ExpectBadRequest(JsonObject request, string code, string field, string service = ServiceCatalog.CourseReviewId)
    {
        var (response, body) = await SampleRequests.PostAsync(_client, service, request);
        OutcomeAssert.Error(response, body, HttpStatusCode.BadRequest, code, field);
    }

    [Theory]
    [InlineData("hook")]
    [InlineData("hookInstance")]
    [InlineData("context")]
    public async Task A_missing_required_member_is_400_naming_it(string member)
    {
        var request = Valid();
        request.Remove(member);
        await ExpectBadRequest(request, CdsErrorCodes.MissingField, member);
    }

    [Theory]
    [InlineData("userId")]
    [InlineData("patientId")]
    public async Task A_missing_context_field_of_the_hook_is_400_naming_it(string field)
    {
        var request = Valid();
        request["context"]!.AsObject().Remove(field);
        await ExpectBadRequest(request, CdsErrorCodes.MissingField, "context." + field);
    }

    [Fact]
    public async Task Order_hooks_require_draft_orders_and_order_select_requires_selections()
    {
        var sign = SampleRequests.Order(HookDefinitions.OrderSign, "p14");
        sign["context"]!.AsObject().Remove("draftOrders");
        await ExpectBadRequest(sign, CdsErrorCodes.MissingField, "context.draftOrders", ServiceCatalog.OrderCheckId);
        var select = SampleRequests.Order(HookDefinitions.OrderSelect, "p14");
        select["context"]!.AsObject().Remove("selections");
        await ExpectBadRequest(select, CdsErrorCodes.MissingField, "context.selections", ServiceCatalog.OrderCheckId);
        var notBundle = SampleRequests.Order(HookDefinitions.OrderSign, "p14");
        notBundle["context"]!["draftOrders"] = new JsonArray();
        await ExpectBadRequest(notBundle, CdsErrorCodes.InvalidDraftOrders, "context.draftOrders", ServiceCatalog.OrderCheckId);
    }

    [Fact]
    public async Task A_draft_order_that_is_not_a_readable_service_request_is_400_naming_the_entry()
    {
        var request = SampleRequests.Order(HookDefinitions.OrderSign, "p14");
        request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["authoredOn"] = "yesterday";
        await ExpectBadRequest(request, CdsErrorCodes.InvalidDraftOrders, "context.draftOrders.entry[0].resource", ServiceCatalog.OrderCheckId);
    }

    [Fact]
    public async Task The_hook_must_be_the_services_hook()
    {
        var request = Valid();
        request["hook"] = "order-sign";
        await ExpectBadRequest(request, CdsErrorCodes.HookMismatch, "hook");
        var order = SampleRequests.PatientView("p02");
        await ExpectBadRequest(order, CdsErrorCodes.HookMismatch, "hook", ServiceCatalog.OrderCheckId);
    }

    [Theory]
    [InlineData("Patient/p02", CdsErrorCodes.InvalidId)]
    [InlineData("p 02", CdsErrorCodes.InvalidId)]
    [InlineData("", CdsErrorCodes.WrongType)]
    public async Task The_patient_id_must_be_a_bare_fhir_id(string patientId, string code)
    {
        var request = Valid();
        request["context"]!["patientId"] = patientId;
        await ExpectBadRequest(request, code, "context.patientId");
    }

    [Fact]
    public async Task The_user_id_and_selections_must_be_type_id_references()
    {
        var request = Valid();
        request["context"]!["userId"] = "example";
        await ExpectBadRequest(request, CdsErrorCodes.InvalidReference, "context.userId");
        var select = SampleRequests.Order(HookDefinitions.OrderSelect, "p14");
        select["context"]!["selections"] = new JsonArray("draft-tace-1");
        await ExpectBadRequest(select, CdsErrorCodes.InvalidReference, "context.selections[0]", ServiceCatalog.OrderCheckId);
    }

    [Fact]
    public async Task Fhir_authorization_without_fhir_server_is_400()
    {
        var request = Valid();
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "secret-token-value", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "user/*.read", ["subject"] = "tacecds" };
        var (response, body) = await SampleRequests.PostAsync(_client, ServiceCatalog.CourseReviewId, request);
        OutcomeAssert.Error(response, body, HttpStatusCode.BadRequest, CdsErrorCodes.AuthorizationWithoutServer, "fhirAuthorization");
        Assert.DoesNotContain("secret-token-value", body!.ToJsonString());
    }

    [Fact]
    public async Task A_fhir_server_that_is_not_an_http_url_is_400()
    {
        var request = Valid();
        request["fhirServer"] = "ftp://example.org/fhir";
        await ExpectBadRequest(request, CdsErrorCodes.InvalidServerUrl, "fhirServer");
    }

    [Fact]
    public async Task A_legacy_prefetch_envelope_is_400_naming_the_key()
    {
        var request = Valid();
        request["prefetch"] = new JsonObject { ["patient"] = new JsonObject { ["response"] = new JsonObject { ["status"] = "200 OK" }, ["resource"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = "p02" } } };
        await ExpectBadRequest(request, CdsErrorCodes.InvalidPrefetch, "prefetch.patient");
    }

    [Fact]
    public async Task Unknown_extensions_and_members_are_tolerated()
    {
        var request = SampleRequests.PatientView("p02");
        request["extension"] = new JsonObject { ["org.example.unknown"] = new JsonObject { ["anything"] = true } };
        request["somethingNew"] = 1;
        request["context"]!["somethingElse"] = "x";
        var (response, _) = await SampleRequests.PostAsync(_client, ServiceCatalog.CourseReviewId, request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"hook\": ", CdsErrorCodes.MalformedJson)]
    [InlineData("", CdsErrorCodes.MalformedJson)]
    [InlineData("[1, 2]", CdsErrorCodes.NotAnObject)]
    public async Task A_body_that_is_not_a_json_object_is_400(string body, string code)
    {
        var response = await _client.PostAsync("/cds-services/" + ServiceCatalog.CourseReviewId, SampleRequests.Json(body));
        OutcomeAssert.Error(response, JsonNode.Parse(await response.Content.ReadAsStringAsync()), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task An_unknown_service_is_404()
    {
        var (response, body) = await SampleRequests.PostAsync(_client, "no-such-service", Valid());
        OutcomeAssert.Error(response, body, HttpStatusCode.NotFound, CdsErrorCodes.UnknownService, "id");
        var other = await _client.GetAsync("/nothing-here");
        OutcomeAssert.Error(other, JsonNode.Parse(await other.Content.ReadAsStringAsync()), HttpStatusCode.NotFound, CdsErrorCodes.NotFound);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_is_415(string? mediaType)
    {
        var content = new StringContent(Valid().ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType);
        var response = await _client.PostAsync("/cds-services/" + ServiceCatalog.CourseReviewId, content);
        OutcomeAssert.Error(response, JsonNode.Parse(await response.Content.ReadAsStringAsync()), HttpStatusCode.UnsupportedMediaType, CdsErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task Json_with_a_charset_or_the_fhir_json_type_is_accepted()
    {
        var content = new StringContent(Valid().ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json; charset=utf-8");
        var response = await _client.PostAsync("/cds-services/" + ServiceCatalog.CourseReviewId, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_or_not_its_length_is_declared()
    {
        using var host = new ServiceHost(new Dictionary<string, string?> { ["TaceCds:Limits:MaxRequestBytes"] = "2048" });
        var client = host.CreateClient();
        var big = Valid();
        big["extension"] = new JsonObject { ["org.example.padding"] = new string('x', 4096) };
        var (declared, body) = await SampleRequests.PostAsync(client, ServiceCatalog.CourseReviewId, big);
        OutcomeAssert.Error(declared, body, HttpStatusCode.RequestEntityTooLarge, CdsErrorCodes.TooLarge);

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big.ToJsonString())));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/cds-services/" + ServiceCatalog.CourseReviewId) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var response = await client.SendAsync(request);
        OutcomeAssert.Error(response, JsonNode.Parse(await response.Content.ReadAsStringAsync()), HttpStatusCode.RequestEntityTooLarge, CdsErrorCodes.TooLarge);
    }

    [Fact]
    public async Task A_wrong_method_is_answered_with_an_operation_outcome_not_a_500()
    {
        var response = await _client.DeleteAsync("/cds-services");
        Assert.True((int)response.StatusCode is 404 or 405, $"got {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("OperationOutcome", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["resourceType"]);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_as_malformed_not_a_crash()
    {
        var deep = new string('[', 200) + new string(']', 200);
        var body = "{\"hook\":\"patient-view\",\"extension\":{\"x\":" + deep + "}}";
        var response = await _client.PostAsync("/cds-services/" + ServiceCatalog.CourseReviewId, SampleRequests.Json(body));
        OutcomeAssert.Error(response, JsonNode.Parse(await response.Content.ReadAsStringAsync()), HttpStatusCode.BadRequest, CdsErrorCodes.MalformedJson);
    }
}
