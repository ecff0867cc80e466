using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Samples;

/// <summary>
/// `./tacecds evaluate samples/p04.json --as-of 2025-06-01 --format json` prints the figures samples/README.md states
/// for p04: pure mRECIST on the baseline targets A+B, and the CCI ledger A+B+C (C from 0 mm) beside it.
/// </summary>
public class P04CliTests
{
    private static readonly Lazy<JsonObject> Result = new(() =>
    {
        var run = CliProcess.Run("evaluate", RepoPaths.InRepo("samples", "p04.json"), "--as-of", "2025-06-01", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        return JsonNode.Parse(run.Stdout)!.AsObject();
    });

    private static JsonNode Exam(string date) =>
        Result.Value["course"]!["assessments"]!.AsArray().Single(a => a!["date"]!.ToString() == date)!;

    [Fact]
    public void On_2024_05_06_A_plus_B_is_34_mm_target_PR_and_overall_PD_for_the_new_lesion_C()
    {
        var exam = Exam("2024-05-06");
        Assert.Equal(34m, (decimal)exam["targetSumMm"]!);
        Assert.Equal("PR", exam["targetResponse"]!.ToString());
        Assert.Equal("PD", exam["overallResponse"]!.ToString());
        Assert.True((bool)exam["newIntrahepaticLesion"]!);
        Assert.Equal(49m, (decimal)exam["cci"]!["targetSumMm"]!);                 // A 22 + B 12 + C 15
    }

    [Fact]
    public void On_2024_07_01_A_plus_B_is_30_mm_54_5_percent_of_baseline_target_PR_overall_PD()
    {
        var exam = Exam("2024-07-01");
        Assert.Equal(30m, (decimal)exam["targetSumMm"]!);
        Assert.Equal(-45.5m, (decimal)exam["changeFromBaselinePct"]!);            // 30 / 55 = 54.5 %
        Assert.Equal("PR", exam["targetResponse"]!.ToString());
        Assert.Equal("PD", exam["overallResponse"]!.ToString());
        Assert.Equal(["BodyStructure/p04-lesion-a", "BodyStructure/p04-lesion-b"],
            exam["targets"]!.AsArray().Select(t => t!["lesion"]!.ToString()));
    }

    [Fact]
    public void On_2024_07_01_the_CCI_ledger_is_A_20_plus_B_10_plus_C_38_equals_68_mm_123_6_percent_and_CCI_is_met()
    {
        var cci = Exam("2024-07-01")["cci"]!;
        Assert.Equal([20m, 10m, 38m], cci["targets"]!.AsArray().Select(t => (decimal)t!["viableDiameterMm"]!));
        Assert.Equal(68m, (decimal)cci["targetSumMm"]!);
        Assert.Equal(123.6m, (decimal)cci["percentOfBaseline"]!);
        var definition = Result.Value["definitions"]!["cci-2022"]!;
        Assert.Equal("met", definition["status"]!.ToString());
        Assert.Equal(68m, (decimal)definition["values"]!["assessmentSumMm"]!);
        Assert.Equal("2", Result.Value["contractVersion"]!.ToString());
    }
}
