using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Cli.Tests.Audit;

/// <summary><c>tacecds audit</c> on a SQLite store seeded here: "how often the CCI card was overridden and why".</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tacecds-audit-" + Guid.NewGuid().ToString("N"));
    private string StoreSpec => "sqlite:" + Path.Combine(_dir, "store.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        await using var store = await CdsStore.OpenAsync(StoreSpec, TimeProvider.System);
        foreach (var (i, service) in new[] { (0, "tace"), (1, "tace"), (2, "tace"), (3, "other") })
        {
            await store.RecordHookCallAsync(new HookCallRecord
            {
                At = T0.AddDays(i), ServiceId = service, Hook = "patient-view", HookInstance = $"hi-{i}", PatientId = $"p{i}",
                HttpStatus = 200, Cards = [new AuditCard { Uuid = $"cci-{i}", RuleId = "cci", RuleVersion = "1.0.0" }],
            });
        }
        await store.SaveFeedbackAsync(
        [
            Overridden("cci-0", T0, "not-applicable", "Not applicable to this patient"),
            Overridden("cci-1", T0.AddDays(1), "not-applicable", "Not applicable to this patient"),
            Overridden("cci-2", T0.AddDays(2), "=HYPERLINK(\"x\")", "formula, \"quoted\""),
        ]);
    }

    private static FeedbackRecord Overridden(string card, DateTimeOffset at, string code, string display) => new()
    {
        ServiceId = "tace", CardUuid = card, Outcome = FeedbackOutcome.Overridden, OutcomeTimestamp = at, ReceivedAt = at,
        OverrideReason = new OverrideReason(new Coding("https://tacecds.example/override-reason", code, display), null),
    };

    [Fact]
    public void Table_shows_per_rule_counts_and_reasons()
    {
        var run = CliProcess.Run("audit", "--store", StoreSpec, "--service", "tace");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^RULE\s+VERSION\s+SHOWN\s+ACCEPTED\s+OVERRIDDEN$", lines[0]);
        Assert.Matches(@"^cci\s+1\.0\.0\s+3\s+0\s+3$", lines[1]);
        Assert.Equal("    overridden 2x: not-applicable \"Not applicable to this patient\"", lines[2]);
    }

    [Fact]
    public void Csv_flattens_reasons_and_defuses_formulas()
    {
        var run = CliProcess.Run("audit", "--store", StoreSpec, "--format", "csv", "--since", "2026-03-02");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rule_id,rule_version,cards_shown,accepted,overridden,reason_system,reason_code,reason_display,reason_count", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("cci,1.0.0,3,0,2,https://tacecds.example/override-reason,not-applicable,Not applicable to this patient,1", lines);
        Assert.Contains("cci,1.0.0,3,0,2,https://tacecds.example/override-reason,\"'=HYPERLINK(\"\"x\"\")\",\"formula, \"\"quoted\"\"\",1", lines);
    }

    [Fact]
    public void Json_lists_feedback_and_calls()
    {
        var feedback = CliProcess.Run("audit", "--store", StoreSpec, "--view", "feedback", "--format", "json");
        Assert.Equal(0, feedback.ExitCode);
        var entries = JsonNode.Parse(feedback.Stdout)!.AsArray();
        Assert.Equal(["cci-2", "cci-1", "cci-0"], entries.Select(e => (string)e!["cardUuid"]!));
        Assert.Equal("overridden", (string)entries[0]!["outcome"]!);

        var calls = CliProcess.Run("audit", "--store", StoreSpec, "--view", "calls", "--format", "json", "--until", "2026-03-02");
        var call = Assert.Single(JsonNode.Parse(calls.Stdout)!.AsArray())!;
        Assert.Equal("hi-0", (string)call["hookInstance"]!);
        Assert.Equal("cci-0", (string)call["cards"]![0]!["uuid"]!);
    }

    [Theory]
    [InlineData("--store", "sqlite:/nonexistent/dir/store.db", "no store at")]
    [InlineData("--store", "mysql:x", "STORE100")]
    [InlineData("--since", "yesterday", "--since")]
    public void Bad_input_exits_2_with_a_message(string option, string value, string message)
    {
        var args = option == "--store" ? new[] { "audit", option, value } : ["audit", "--store", StoreSpec, option, value];
        var run = CliProcess.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }
}
