using System.Net;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Tests;

/// <summary>Asserts an error answer: status, application/json OperationOutcome, stable code and the field it names.</summary>
public static class OutcomeAssert
{
    public static JsonObject Error(HttpResponseMessage response, JsonNode? body, HttpStatusCode status, string code, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var outcome = Assert.IsType<JsonObject>(body);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        var issue = outcome["issue"]![0]!;
        Assert.Equal("error", (string?)issue["severity"]);
        Assert.Equal(code, (string?)issue["details"]!["coding"]![0]!["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)issue["details"]!["text"]));
        if (field is not null) Assert.Equal(field, (string?)issue["expression"]![0]);
        return outcome;
    }
}
