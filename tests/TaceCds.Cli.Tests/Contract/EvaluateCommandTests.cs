using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

public class EvaluateCommandTests
{
    private static string Sample(string id) => RepoPaths.InRepo("samples", id + ".json");

    [Fact]
    public void Json_output_is_one_EvaluationResult()
    {
        var run = CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2025-06-01", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal("Patient/p02", result["patient"]!.ToString());
        Assert.Equal(3, (int)result["course"]!["consecutiveSessions"]!);
    }

    [Fact]
    public void Text_output_is_a_readable_summary()
    {
        var run = CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2025-06-01", "--format", "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("TACE course: 3 consecutive session(s)", run.Stdout);
        Assert.Contains("Baseline: CT 2024-02-05, target sum 80.0 mm", run.Stdout);
        Assert.Contains("2024-07-22 MR", run.Stdout);
    }

    [Fact]
    public void Several_files_give_one_json_line_each()
    {
        var run = CliProcess.Run("evaluate", Sample("p01"), Sample("p02"), "--as-of", "2025-06-01");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Patient/p01", "Patient/p02"], lines.Select(l => JsonNode.Parse(l)!["patient"]!.ToString()));
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Patient\",\"id\":\"x\"}", "JSON102")]
    [InlineData("{\"resourceType\":\"Bundle\",", "JSON101")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[]}", "holds no Patient")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"status\":5}}]}", "JSON103")]
    public void Bad_input_exits_2_with_one_line_naming_the_problem(string content, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tacecds-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, content);
        try
        {
            // --strict: all or nothing (without it a bad element of a resource is left out; RecoveryTests).
            var run = CliProcess.Run("evaluate", file, "--as-of", "2025-06-01", "--strict");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains(expected, run.Stderr);
            Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal("", run.Stdout);
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("yesterday")]
    public void A_bad_asOf_exits_2(string asOf)
    {
        var run = CliProcess.Run("evaluate", Sample("p01"), "--as-of", asOf);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as-of", run.Stderr);
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var run = CliProcess.Run("evaluate", "/nonexistent/bundle.json", "--as-of", "2025-06-01");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr);
    }

    [Fact]
    public void Bulk_NDJSON_is_evaluated_patient_by_patient()
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-ndjson-");
        try
        {
            // Split two sample bundles into a Bulk Data export: one file per resource type.
            var byType = new Dictionary<string, List<string>>();
            foreach (var id in new[] { "p02", "p03" })
                foreach (var entry in JsonNode.Parse(File.ReadAllText(Sample(id)))!["entry"]!.AsArray())
                {
                    var resource = entry!["resource"]!;
                    var type = resource["resourceType"]!.ToString();
                    if (!byType.TryGetValue(type, out var lines)) byType[type] = lines = [];
                    lines.Add(resource.ToJsonString());
                }
            foreach (var (type, lines) in byType) File.WriteAllLines(Path.Combine(dir.FullName, type + ".ndjson"), lines);

            var run = CliProcess.Run("evaluate", "--ndjson", dir.FullName, "--as-of", "2025-06-01");

            Assert.Equal(0, run.ExitCode);
            var results = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            Assert.Equal(["Patient/p02", "Patient/p03"], results.Select(r => r["patient"]!.ToString()).Order());
            Assert.Equal(3, (int)results.Single(r => r["patient"]!.ToString() == "Patient/p02")["course"]!["consecutiveSessions"]!);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_threshold_changed_in_a_copy_of_the_rules_changes_the_result_without_rebuilding()
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-rules-");
        try
        {
            foreach (var file in Directory.GetFiles(RepoPaths.InRepo("rules"), "*.yaml")) File.Copy(file, Path.Combine(dir.FullName, Path.GetFileName(file)));
            var before = JsonNode.Parse(CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2025-06-01", "--rules", dir.FullName).Stdout)!;
            Assert.Equal("met", before["definitions"]!["cci-2022"]!["status"]!.ToString());

            var cci = Path.Combine(dir.FullName, "cci-2022.yaml");
            var text = File.ReadAllText(cci);
            Assert.Contains("1.2", text);
            File.WriteAllText(cci, text.Replace("1.2", "1.3"));
            var after = JsonNode.Parse(CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2025-06-01", "--rules", dir.FullName).Stdout)!;

            Assert.Equal("not-met", after["definitions"]!["cci-2022"]!["status"]!.ToString());
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void A_broken_rule_pack_exits_2_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("tacecds-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "broken.yaml"), "id: [unclosed\n");
            var run = CliProcess.Run("evaluate", Sample("p02"), "--as-of", "2025-06-01", "--rules", dir.FullName);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("broken.yaml", run.Stderr);
        }
        finally { dir.Delete(true); }
    }
}
