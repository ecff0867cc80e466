using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// Issue 11 point 8 and issue 13 row 7 through the CLI: one malformed element never costs the patient (the element is
/// left out with its code and location, the rest is evaluated); --strict keeps the all-or-nothing refusal; bad Unicode
/// is a coded refusal, never a crash.
/// </summary>
public sealed class RecoveryTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("tacecds-recovery-");

    public void Dispose() => _dir.Delete(true);

    private static string Sample(string id) => RepoPaths.InRepo("samples", id + ".json");

    // samples/p02.json with its Patient.birthDate (line 21 of the file) replaced.
    private string P02With(string find, string replace)
    {
        var text = File.ReadAllText(Sample("p02"));
        Assert.Contains(find, text);
        var file = Path.Combine(_dir.FullName, "p02-bad.json");
        File.WriteAllText(file, text.Replace(find, replace));
        return file;
    }

    [Fact]
    public void Given_p02_with_birthDate_1958_02_30_when_evaluated_then_exit_0_the_JSON105_issue_names_path_and_line_and_CCI_is_still_met()
    {
        var file = P02With("\"birthDate\": \"1958-09-03\"", "\"birthDate\": \"1958-02-30\"");

        var run = CliProcess.Run("evaluate", file, "--as-of", "2025-06-01");

        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(run.Stdout)!;
        var issue = result["dataIssues"]!.AsArray().Single(i => i!["code"]!.ToString() == "JSON105")!;
        Assert.Equal("Patient/p02", issue["resource"]!.ToString());
        Assert.StartsWith("Bundle.entry[0].resource.birthDate (line 21): '1958-02-30' is not a valid date", issue["message"]!.ToString());
        Assert.Equal("met", result["definitions"]!["cci-2022"]!["status"]!.ToString());
        Assert.Equal(3, (int)result["course"]!["consecutiveSessions"]!);
        Assert.Null(result["facts"]!["patient"]!["birthDate"]);
        Assert.Equal("male", result["facts"]!["patient"]!["gender"]!.ToString());
    }

    [Fact]
    public void Given_p02_with_a_bad_birthDate_when_evaluated_strict_then_exit_2_naming_code_and_path()
    {
        var file = P02With("\"birthDate\": \"1958-09-03\"", "\"birthDate\": \"1958-02-30\"");

        var run = CliProcess.Run("evaluate", file, "--as-of", "2025-06-01", "--strict");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("JSON105 at Bundle.entry[0].resource.birthDate", run.Stderr);
    }

    [Fact]
    public void Given_p02_with_name_as_a_string_when_evaluated_then_CCI_is_met_and_JSON103_names_the_element()
    {
        var text = File.ReadAllText(Sample("p02"));
        var start = text.IndexOf("\"name\": [", StringComparison.Ordinal);
        var end = text.IndexOf(']', text.IndexOf("\"given\"", start, StringComparison.Ordinal) + 9) + 1;
        end = text.IndexOf(']', end) + 1;
        var file = Path.Combine(_dir.FullName, "p02-name.json");
        File.WriteAllText(file, text[..start] + "\"name\": \"Jun Wang\"" + text[end..]);

        var result = JsonNode.Parse(CliProcess.Run("evaluate", file, "--as-of", "2025-06-01").Stdout)!;

        Assert.Contains(result["dataIssues"]!.AsArray(), i => i!["code"]!.ToString() == "JSON103" && i["message"]!.ToString().StartsWith("Bundle.entry[0].resource.name (line 11)", StringComparison.Ordinal));
        Assert.Equal("met", result["definitions"]!["cci-2022"]!["status"]!.ToString());
    }

    [Fact]
    public void An_entry_whose_resource_cannot_be_read_at_all_is_left_out_with_its_path_and_the_patient_is_evaluated()
    {
        // The first TACE Procedure (line 1056 of p02.json) gets an id that is not a FHIR id: that resource cannot be identified, so it is dropped.
        var file = P02With("\"id\": \"p02-tace-1\"", "\"id\": \"p02 tace 1\"");

        var run = CliProcess.Run("evaluate", file, "--as-of", "2025-06-01");

        Assert.Equal(0, run.ExitCode);
        var result = JsonNode.Parse(run.Stdout)!;
        var issue = result["dataIssues"]!.AsArray().Single(i => i!["code"]!.ToString() == "JSON105")!;
        Assert.Matches(@"^Bundle\.entry\[\d+\]\.resource\.id \(line 1056\): 'p02 tace 1' is not a valid id", issue["message"]!.ToString());
        Assert.Equal("Patient/p02", result["patient"]!.ToString());
    }

    [Fact]
    public void A_lone_surrogate_escape_in_a_property_name_is_a_coded_refusal_with_its_line_not_a_stack_trace()
    {
        var file = Path.Combine(_dir.FullName, "surrogate.json");
        File.WriteAllText(file, "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\n{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"x\",\"\\ud800\":1}}]}");

        var run = CliProcess.Run("evaluate", file, "--as-of", "2025-06-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: JSON101 at $.entry[0].resource (line 2, position 48): a property name is not valid Unicode (a lone surrogate escape)", run.Stderr.Trim());
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Invalid_or_overlong_utf8_in_a_file_is_JSON101_exit_2_not_a_crash(byte[] bad)
    {
        var file = Path.Combine(_dir.FullName, "utf8.json");
        File.WriteAllBytes(file, [.. Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"x"), .. bad, .. Encoding.UTF8.GetBytes("\":1}")]);

        var run = CliProcess.Run("evaluate", file, "--as-of", "2025-06-01");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: JSON101", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
