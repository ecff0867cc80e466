using System.Text.Json.Nodes;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// Issue 18, done-when 1, through the CLI: <c>--terminology DIR</c> on evaluate, board and rules list; a bad site file exits 2
/// with its TERM code, file and place.
/// </summary>
public sealed class TerminologyOptionTests : IDisposable
{
    private readonly string _site = LocalTerminology.SiteFolderWithLocalTaceCode();
    private readonly string _recoded = Path.Combine(Path.GetTempPath(), $"tacecds-p02-local-{Guid.NewGuid():N}.json");

    public TerminologyOptionTests() => File.WriteAllText(_recoded, LocalTerminology.P02WithLocalTaceCodes(out _));

    public void Dispose()
    {
        Directory.Delete(_site, recursive: true);
        File.Delete(_recoded);
    }

    [Fact]
    public void Evaluate_without_terminology_gives_0_sessions_and_names_the_local_code_and_with_it_the_original_result()
    {
        var original = CliProcess.Run("evaluate", RepoPaths.InRepo("samples", "p02.json"), "--as-of", "2025-06-01");
        var without = CliProcess.Run("evaluate", _recoded, "--as-of", "2025-06-01");
        var with = CliProcess.Run("evaluate", _recoded, "--as-of", "2025-06-01", "--terminology", _site);

        Assert.Equal(0, without.ExitCode);
        var bare = JsonNode.Parse(without.Stdout)!;
        Assert.Equal(0, (int)bare["course"]!["consecutiveSessions"]!);
        Assert.Contains(bare["dataIssues"]!.AsArray(), i => (string?)i!["code"] == "unknown-procedure-code"
            && ((string?)i["message"])!.Contains("http://hospital.example/orders#IR-0417"));
        Assert.Equal(0, with.ExitCode);
        Assert.Equal(3, (int)JsonNode.Parse(with.Stdout)!["course"]!["consecutiveSessions"]!);
        Assert.Equal(original.Stdout, with.Stdout);
    }

    [Fact]
    public void Board_reads_the_site_terminology_too()
    {
        var html = Path.Combine(Path.GetTempPath(), $"tacecds-board-{Guid.NewGuid():N}.html");
        try
        {
            var run = CliProcess.Run("board", _recoded, "--as-of", "2025-06-01", "--terminology", _site, "--out", html);
            Assert.Equal(0, run.ExitCode);
            var withSite = File.ReadAllText(html);
            Assert.Equal(0, CliProcess.Run("board", _recoded, "--as-of", "2025-06-01", "--out", html).ExitCode);
            var without = File.ReadAllText(html);
            Assert.NotEqual(without, withSite);
            Assert.Contains("unknown-procedure-code", without);
            Assert.DoesNotContain("unknown-procedure-code", withSite);
        }
        finally
        {
            File.Delete(html);
        }
    }

    [Fact]
    public void A_malformed_site_file_exits_2_naming_the_code_the_file_and_the_line()
    {
        var bad = Path.Combine(_site, "broken.json");
        File.WriteAllText(bad, "{\n  \"resourceType\": \"ValueSet\",\n  \"url\": ,\n}");

        var run = CliProcess.Run("evaluate", _recoded, "--as-of", "2025-06-01", "--terminology", _site);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("TERM101", run.Stderr);
        Assert.Contains(bad, run.Stderr);
        Assert.Contains("line 3", run.Stderr);
    }

    [Fact]
    public void Serve_with_a_site_file_for_the_engines_own_codes_refuses_to_start_with_TERM103()
    {
        File.WriteAllText(Path.Combine(_site, "ascites.json"),
            LocalTerminology.SiteValueSet("https://tacecds.org/fhir/ValueSet/ascites", "https://tacecds.org/fhir/CodeSystem/tacecds", "massive"));
        var store = Path.Combine(Path.GetTempPath(), $"tacecds-serve-term-{Guid.NewGuid():N}.db");

        var run = CliProcess.Run("serve", "--no-auth", "--port", "0", "--no-local-data", "--store", "sqlite:" + store, "--terminology", _site);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TERM103", run.Stderr);
        Assert.Contains("ascites.json", run.Stderr);
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(store) + "*")) File.Delete(file);
    }

    [Fact]
    public void Rules_list_shows_the_value_set_the_order_check_matches_with_the_site_code()
    {
        var run = CliProcess.Run("rules", "list", "--terminology", _site);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("order check (tace-order-check) matches ServiceRequest.code in https://tacecds.org/fhir/ValueSet/tace-procedure (3 codes:", run.Stdout);
        Assert.Contains("http://hospital.example/orders#IR-0417", run.Stdout);
        Assert.Matches(@"tace-procedure\s+3 codes  extended by .*tace-procedure-local\.json", run.Stdout);
    }
}
