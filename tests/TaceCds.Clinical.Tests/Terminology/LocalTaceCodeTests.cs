using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Terminology;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;
using TaceCds.Testing;

namespace TaceCds.Clinical.Tests.Terminology;

/// <summary>
/// Issue 18, done-when 1, in the engine: p02's three TACE Procedures coded only with a hospital's local order code are
/// not sessions (and say so) until the site's ValueSet adds the code to tace-procedure; then p02 evaluates exactly as
/// with its original codes.
/// </summary>
public sealed class LocalTaceCodeTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);
    private readonly string _site = LocalTerminology.SiteFolderWithLocalTaceCode();

    public void Dispose() => Directory.Delete(_site, recursive: true);

    [Fact]
    public void Given_p02_recoded_to_a_local_order_code_without_site_terminology_then_0_sessions_and_a_data_issue_names_the_code()
    {
        var recoded = Evaluate(LocalTerminology.P02WithLocalTaceCodes(out var count), ExtractionOptions.Default);

        Assert.Equal(3, count);
        Assert.Equal(0, (int)recoded["course"]!["consecutiveSessions"]!);
        var issue = Assert.Single(recoded["dataIssues"]!.AsArray(), i => (string?)i!["code"] == DataIssueCodes.UnknownProcedureCode)!;
        Assert.Contains("http://hospital.example/orders#IR-0417", (string?)issue["message"]);
        Assert.Contains("3 Procedure(s)", (string?)issue["message"]);
        Assert.Equal("Procedure/p02-tace-1", (string?)issue["resource"]);
    }

    [Fact]
    public void Given_the_site_value_set_adding_the_local_code_then_the_result_equals_the_original_p02()
    {
        var site = new ExtractionOptions { Terminology = TerminologyLoader.Load([_site]) };
        var original = Evaluate(File.ReadAllText(RepoPaths.InRepo("samples", "p02.json")), ExtractionOptions.Default);

        var recoded = Evaluate(LocalTerminology.P02WithLocalTaceCodes(out _), site);

        Assert.Equal(3, (int)original["course"]!["consecutiveSessions"]!);
        Assert.Equal(original.ToJsonString(), recoded.ToJsonString());
    }

    [Fact]
    public void The_original_p02_has_no_unknown_procedure_code_issue()
    {
        var original = Evaluate(File.ReadAllText(RepoPaths.InRepo("samples", "p02.json")), ExtractionOptions.Default);
        Assert.DoesNotContain(original["dataIssues"]!.AsArray(), i => (string?)i!["code"] == DataIssueCodes.UnknownProcedureCode);
    }

    private static JsonObject Evaluate(string bundleJson, ExtractionOptions options)
    {
        var input = RecordInput.FromBundle(FhirJsonParser.Default.Parse<Bundle>(bundleJson)).Single();
        return EvaluationResultJson.Write(input.Evaluate(AsOf, options), new EngineInfo("test", []));
    }
}
