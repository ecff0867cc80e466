using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// Issue 11 point 5 through the CLI: the same resource twice in a Bundle or an NDJSON export. Identical copies count
/// once; copies that differ are a conflict naming both places (Bundle entry, file:line) and listed in facts.conflicting.
/// </summary>
public sealed class DuplicateInputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tacecds-duplicates-");

    public void Dispose() => _dir.Delete(true);

    private static JsonObject P02() => JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("samples", "p02.json")))!.AsObject();

    private static JsonObject ResourceWithId(JsonObject bundle, string id) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).Single(r => (string?)r["id"] == id);

    // p02 as a Bulk Data export (one file per type), with extra Procedure lines appended.
    private string Export(params JsonObject[] extraProcedures)
    {
        var byType = new Dictionary<string, List<string>>();
        foreach (var entry in P02()["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!;
            var type = (string)resource["resourceType"]!;
            if (!byType.TryGetValue(type, out var lines)) byType[type] = lines = [];
            lines.Add(resource.ToJsonString());
        }
        byType["Procedure"].AddRange(extraProcedures.Select(p => p.ToJsonString()));
        foreach (var (type, lines) in byType) File.WriteAllLines(Path.Combine(_dir.FullName, type + ".ndjson"), lines);
        return _dir.FullName;
    }

    private static JsonObject Evaluate(params string[] args)
    {
        var run = CliProcess.Run(["evaluate", .. args, "--as-of", "2025-06-01"]);
        Assert.Equal(0, run.ExitCode);
        // One patient: one EvaluationResult (indented for one Bundle file, one line for NDJSON).
        return JsonNode.Parse(run.Stdout)!.AsObject();
    }

    private static IEnumerable<JsonNode> Issues(JsonObject result, string code) => result["dataIssues"]!.AsArray().Where(i => (string?)i!["code"] == code)!;

    [Fact]
    public void Given_p02_tace_2_on_two_ndjson_lines_identically_then_3_sessions_CCI_met_and_one_information_issue_with_both_lines()
    {
        var tace2 = ResourceWithId(P02(), "p02-tace-2");
        var folder = Export(tace2);
        var procedures = Path.Combine(folder, "Procedure.ndjson");
        var lines = File.ReadAllLines(procedures);
        int first = Array.FindIndex(lines, l => l.Contains("\"p02-tace-2\"", StringComparison.Ordinal)) + 1;

        var result = Evaluate("--ndjson", folder);

        Assert.Equal(3, (int)result["course"]!["consecutiveSessions"]!);
        Assert.Equal("met", (string?)result["definitions"]!["cci-2022"]!["status"]);
        var issue = Assert.Single(Issues(result, "duplicate-resource"));
        Assert.Equal("Procedure/p02-tace-2", (string?)issue["resource"]);
        Assert.Contains($"{procedures}:{first}; {procedures}:{lines.Length}", (string?)issue["message"]);
        Assert.Null(result["facts"]!["conflicting"]);
    }

    [Fact]
    public void Given_p02_tace_2_on_two_ndjson_lines_with_2024_04_08_and_2024_04_15_then_a_conflict_names_both_lines_and_the_facts_list_it()
    {
        var tace2 = ResourceWithId(P02(), "p02-tace-2");
        tace2["performedDateTime"] = "2024-04-15";
        var folder = Export(tace2);
        var procedures = Path.Combine(folder, "Procedure.ndjson");
        var lines = File.ReadAllLines(procedures);

        var result = Evaluate("--ndjson", folder);

        var issue = Assert.Single(Issues(result, "conflicting-duplicate"));
        Assert.Equal(("Procedure/p02-tace-2", "warning"), ((string?)issue["resource"], (string?)issue["severity"]));
        Assert.Contains("different performedDateTime", (string?)issue["message"]);
        Assert.Contains($"{procedures}:{lines.Length})", (string?)issue["message"]);
        var conflict = result["facts"]!["conflicting"]!.AsArray().Single()!;
        Assert.Equal(["tace"], conflict["therapy"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(2, (int)result["inputSummary"]!["conflicting"]!);
        // Neither copy is a session: the course has no session on 2024-04-08 nor on 2024-04-15.
        Assert.DoesNotContain(result["course"]!.ToJsonString(), "2024-04-15");
        // And the count that depends on it is unknown: CCI is insufficient data naming the duplicate, never "not met"
        // on the 2 sessions left nor "met" on a session counted twice.
        var cci = result["definitions"]!["cci-2022"]!;
        Assert.Equal("insufficient-data", (string?)cci["status"]);
        Assert.Equal("insufficient-data", (string?)cci["criteria"]!["three-consecutive-sessions"]!["status"]);
        Assert.Contains(cci["missing"]!.AsArray(), m => ((string)m!).Contains("Procedure/p02-tace-2 is recorded twice with different content (performedDateTime)", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_AFP_of_2024_02_11_twice_in_a_bundle_with_423_and_432_ng_mL_then_the_conflict_names_both_entries()
    {
        var bundle = P02();
        var entries = bundle["entry"]!.AsArray();
        var afp = ResourceWithId(bundle, "p02-lab-20240211-afp");
        var copy = afp.DeepClone().AsObject();
        copy["valueQuantity"]!["value"] = 432;
        int original = entries.Select(e => (string?)e!["resource"]!["id"]).ToList().IndexOf("p02-lab-20240211-afp");
        entries.Add(new JsonObject { ["resource"] = copy });
        var file = Path.Combine(_dir.FullName, "p02-dup.json");
        File.WriteAllText(file, bundle.ToJsonString());

        var result = Evaluate(file);

        var issue = Assert.Single(Issues(result, "conflicting-duplicate"));
        Assert.Contains($"(Bundle.entry[{original}]; Bundle.entry[{entries.Count - 1}])", (string?)issue["message"]);
        Assert.Equal(["afp"], result["facts"]!["conflicting"]![0]!["kind"]!.AsArray().Select(k => (string?)k));
        Assert.DoesNotContain(result["facts"]!["labs"]!["afp"]!.AsArray(), a => (string?)a!["resource"] == "Observation/p02-lab-20240211-afp");
    }
}
