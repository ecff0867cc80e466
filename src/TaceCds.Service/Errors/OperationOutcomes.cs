using System.Text.Json.Nodes;

namespace TaceCds.Service.Errors;

/// <summary>Error bodies: a FHIR OperationOutcome (CDS Hooks 3.0 ballot "Returning OperationOutcome"; 2.0.1 prescribes none).</summary>
public static class OperationOutcomes
{
    public static JsonObject From(CdsProblem problem) => Single(problem.Code, problem.Message, problem.Field, problem.IssueType);

    public static JsonObject Single(string code, string message, string? field, string issueType = "invalid")
    {
        var issue = new JsonObject
        {
            ["severity"] = "error",
            ["code"] = issueType,
            ["details"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = CdsErrorCodes.System, ["code"] = code }),
                ["text"] = message,
            },
        };
        if (field is not null) issue["expression"] = new JsonArray(field);
        return new JsonObject { ["resourceType"] = "OperationOutcome", ["issue"] = new JsonArray(issue) };
    }

    public static IResult Result(CdsProblem problem) => Result(problem.Status, From(problem));

    public static IResult Result(int status, JsonObject outcome) => new CdsJsonResult(outcome, status);
}
