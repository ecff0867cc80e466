using System.Globalization;
using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Samples;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>Every sample's EvaluationResult honours contracts/evaluation-output.md.</summary>
public class EvaluationContractTests
{
    private static readonly string[] Always = ["contractVersion", "patient", "asOf", "dataIssues", "course", "scores", "definitions", "models", "cards"];
    private static readonly string[] Responses = ["CR", "PR", "SD", "PD"];

    [Theory]
    [MemberData(nameof(SampleEvaluations.All), MemberType = typeof(SampleEvaluations))]
    public void Result_has_every_always_member_with_its_type(string id)
    {
        var result = SampleEvaluations.Result(id);

        foreach (var member in Always) Assert.True(result.ContainsKey(member), $"{id}: '{member}' missing");
        Assert.Equal("2", result["contractVersion"]!.GetValue<string>());
        Assert.Equal($"Patient/{id}", result["patient"]!.GetValue<string>());
        Assert.Equal("2025-06-01", result["asOf"]!.GetValue<string>());
        Assert.IsType<JsonArray>(result["dataIssues"]);
        Assert.IsType<JsonObject>(result["scores"]);
        Assert.IsType<JsonObject>(result["definitions"]);
        Assert.IsType<JsonObject>(result["models"]);
        Assert.IsType<JsonArray>(result["cards"]);
        Assert.IsType<JsonArray>(result["course"]!["taceSessions"]);
        Assert.IsType<JsonArray>(result["course"]!["assessments"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, result["course"]!["consecutiveSessions"]!.GetValueKind());
        Assert.NotNull(result["engine"]?["version"]);
    }

    [Theory]
    [MemberData(nameof(SampleEvaluations.All), MemberType = typeof(SampleEvaluations))]
    public void No_member_is_null_and_no_optional_array_or_object_is_empty(string id)
    {
        var problems = new List<string>();
        Walk(SampleEvaluations.Result(id), "$", problems);
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SampleEvaluations.All), MemberType = typeof(SampleEvaluations))]
    public void Assessments_use_the_contract_vocabulary(string id)
    {
        foreach (var a in SampleEvaluations.Result(id)["course"]!["assessments"]!.AsArray())
        {
            Assert.Contains(a!["targetResponse"]!.GetValue<string>(), Responses);
            Assert.Contains(a["responseVsBaseline"]!.GetValue<string>(), Responses);
            Assert.Contains(a["overallResponse"]!.GetValue<string>(), Responses);
            Assert.True(DateOnly.TryParseExact(a["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.Equal(System.Text.Json.JsonValueKind.Number, a["targetSumMm"]!.GetValueKind());
            Assert.Equal(System.Text.Json.JsonValueKind.Number, a["sessionsBefore"]!.GetValueKind());
            Assert.Contains(a["newIntrahepaticLesion"]!.GetValueKind(), new[] { System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False });
        }
        foreach (var issue in SampleEvaluations.Result(id)["dataIssues"]!.AsArray())
        {
            Assert.False(string.IsNullOrEmpty(issue!["code"]?.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(issue["message"]?.GetValue<string>()));
        }
    }

    // Members the contract marks "always" may be empty; everything else absent is omitted.
    private static readonly HashSet<string> MayBeEmpty =
        ["$.dataIssues", "$.scores", "$.definitions", "$.models", "$.cards", "$.course.taceSessions", "$.course.assessments",
         "$.engine.rulePacks", "$.inputSummary.ignoredByStatus", "$.scoresNotComputed", "$.facts.labs", "$.facts.exams", "$.facts.lesions", "$.facts.patient"];

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case null:
                problems.Add($"{path} is null");
                break;
            case JsonObject o:
                if (o.Count == 0 && !MayBeEmpty.Contains(path)) problems.Add($"{path} is an empty object");
                foreach (var (key, value) in o) Walk(value, $"{path}.{key}", problems);
                break;
            case JsonArray a:
                // A per-lesion model evaluated over no lesion is an empty list: "evaluated, nothing applicable".
                var emptyAllowed = MayBeEmpty.Contains(path) || path.EndsWith(".measurements", StringComparison.Ordinal)
                    || (path.StartsWith("$.models.", StringComparison.Ordinal) && path.Count(c => c == '.') == 2);
                if (a.Count == 0 && !emptyAllowed) problems.Add($"{path} is an empty array");
                for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]", problems);
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>().Length == 0:
                problems.Add($"{path} is an empty string");
                break;
        }
    }
}
