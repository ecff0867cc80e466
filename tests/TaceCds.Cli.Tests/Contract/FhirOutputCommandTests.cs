using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>Issue 16 through the CLI process: <c>evaluate --format fhir</c> and <c>rules export --format fhir</c>.</summary>
public class FhirOutputCommandTests
{
    private static string Sample(string id) => RepoPaths.InRepo("samples", id + ".json");

    [Fact]
    public void Evaluate_format_fhir_prints_a_collection_bundle_with_the_cci_detected_issue_of_p02()
    {
        var run = CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2025-06-01", "--format", "fhir");

        Assert.Equal(0, run.ExitCode);
        var bundle = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal(("Bundle", "collection"), (bundle["resourceType"]!.ToString(), bundle["type"]!.ToString()));
        var resources = bundle["entry"]!.AsArray().Select(e => e!["resource"]!).ToList();
        Assert.Contains(resources, r => r["resourceType"]!.ToString() == "DetectedIssue" && r["code"]!["coding"]![0]!["code"]!.ToString() == "cci-2022");
        Assert.Equal(11, resources.Count(r => r["resourceType"]!.ToString() == "GuidanceResponse"));
    }

    [Fact]
    public void Evaluate_format_fhir_of_two_files_prints_one_bundle_per_line()
    {
        var run = CliProcess.Run("evaluate", Sample("p01"), Sample("p02"), "--as-of", "2025-06-01", "--format", "fhir");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Patient/p01", "Patient/p02"],
            lines.Select(l => JsonNode.Parse(l)!["entry"]![0]!["resource"]!["subject"]!["reference"]!.ToString()));
    }

    [Fact]
    public void Rules_export_writes_a_plan_definition_and_a_library_per_pack()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tacecds-export-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = CliProcess.Run("rules", "export", "--format", "fhir", "--out", dir);

            Assert.Equal(0, run.ExitCode);
            var packs = Directory.GetFiles(RepoPaths.InRepo("rules"), "*.yaml").Length;
            Assert.Equal(2 * packs, Directory.GetFiles(dir, "*.json").Length);
            var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "PlanDefinition-cci-2022.json")))!;
            Assert.Equal("https://tacecds.org/fhir/PlanDefinition/cci-2022", plan["url"]!.ToString());
            var library = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "Library-cci-2022.json")))!;
            Assert.Equal("application/x-yaml", library["content"]![0]!["contentType"]!.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
