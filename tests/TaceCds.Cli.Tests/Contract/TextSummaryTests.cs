using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Contract;

/// <summary>
/// `evaluate --format text` says why: per definition the criteria with their status, values with units, dates and the
/// FHIR resources behind them, what is missing in clinical words, and the assumptions (issue 15).
/// </summary>
public class TextSummaryTests
{
    private static string Sample(string id) => RepoPaths.InRepo("samples", id + ".json");

    private static string Text(string id, string asOf = "2025-06-01")
    {
        var run = CliProcess.Run("evaluate", Sample(id), "--as-of", asOf, "--format", "text");
        Assert.Equal(0, run.ExitCode);
        return run.Stdout;
    }

    /// <summary>The lines of one definition's explanation, from its heading to the next blank line.</summary>
    private static List<string> Block(string text, string heading) =>
        text.Split('\n').SkipWhile(l => !l.StartsWith(heading, StringComparison.Ordinal)).TakeWhile(l => l.Length > 0).ToList();

    [Fact]
    public void Given_p02_as_of_2025_06_01_the_CCI_criteria_show_100_mm_125_percent_of_the_baseline_80_mm_and_their_dates()
    {
        // samples/README.md p02: TACE 2024-02-12, 2024-04-08, 2024-06-03; baseline CT 2024-02-05 sum 80 mm; MR 2024-07-22
        // sum 100 mm = 125 % of baseline (>= 120 %: still PD vs before the first TACE), clinical-reference.md §2.
        var cci = Block(Text("p02"), "Definition cci-2022: ");
        Assert.NotEmpty(cci);
        Assert.Contains("  Decision:", cci);
        Assert.Contains("    - met", cci);
        Assert.Contains("    - 3 or more consecutive TACE sessions in the current course: 3 consecutive TACE sessions in the current course (2024-02-12, 2024-04-08, 2024-06-03)", cci);
        Assert.Contains(cci, l => l.Contains("Baseline CT on 2024-02-05, 7 days before the first TACE (at most 28): intrahepatic target sum 80 mm", StringComparison.Ordinal));
        Assert.Contains(cci, l => l.Contains("Assessment MR on 2024-07-22, 49 days after the last session (window 2024-07-03 to 2024-09-03)", StringComparison.Ordinal));
        Assert.Contains("    - CCI target set still PD vs before the first TACE (viable sum >= 120 % of the baseline sum): CCI target-set viable sum 100 mm = 125 % of the baseline 80 mm: still progressive vs before the first TACE", cci);
        // The measurements behind the sums, by FHIR reference.
        var resources = cci.SkipWhile(l => l != "  FHIR resources used:").Skip(1).Single();
        foreach (var reference in new[] { "ImagingStudy/p02-img-20240205", "ImagingStudy/p02-img-20240722", "Observation/p02-img-20240722-a-viable-diameter",
                     "Observation/p02-img-20240722-b-viable-diameter", "Procedure/p02-tace-1", "Procedure/p02-tace-3" })
            Assert.Contains(reference, resources);
        Assert.Contains("    - no non-target assessment was reported during the course: overall response follows the target response", cci);
    }

    [Fact]
    public void Given_p02_the_ART_score_before_the_2nd_TACE_shows_each_input_with_its_value_date_and_FHIR_reference()
    {
        // clinical-reference.md §4 ART: AST increase > 25 % between the values before the 1st and the 2nd TACE; p02 has
        // AST 38 U/L on 2024-02-11 and 37 U/L on 2024-04-07, Child-Pugh 5 both times, SD on 2024-03-25: 1 point, retreat.
        var scores = Block(Text("p02"), "Scores:");
        Assert.Contains("  art           points 1, recommendation retreat, assessedBefore the 2nd TACE on 2024-04-08", scores);
        var art = scores[scores.IndexOf("  art           points 1, recommendation retreat, assessedBefore the 2nd TACE on 2024-04-08") + 1];
        Assert.Contains("AST before first 38 U/L (2024-02-11, Observation/p02-lab-20240211-ast)", art);
        Assert.Contains("AST before second 37 U/L (2024-04-07, Observation/p02-lab-20240407-ast)", art);
        Assert.Contains("Child-Pugh before first 5", art);
        Assert.Contains("response after first overall response SD (2024-03-25, ImagingStudy/p02-img-20240325)", art);
        // The scores before the 1st TACE are one group under its time point, each with its inputs.
        Assert.Contains("  beforeFirstTace: before the 1st TACE on 2024-02-12", scores);
        Assert.Contains("    bclc          stage B, source computed", scores);
        Assert.DoesNotContain(scores, l => l.Contains("largestTumorDiameter", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_score_inputs_are_said_in_clinical_words_never_as_internal_names()
    {
        // p06 has no imaging staging before its 1st TACE: ABCR lacks the BCLC stage before the 1st TACE (clinical-reference.md §4).
        var text = Text("p06");
        Assert.Contains("the BCLC stage before the 1st TACE", text);
        Assert.Contains("ECOG performance status", text);
        foreach (var name in new[] { "bclcStageBaseline", "ecogPs", "tumorCount", "largestDiameter", "macrovascularInvasion", "extrahepaticSpread", "childPughClass", "reportedChildPughScore" })
            Assert.DoesNotContain(name, text);
    }

    [Fact]
    public void Given_p04_the_CCI_ledger_with_the_new_lesion_is_explained_with_its_values_and_dates()
    {
        // samples/README.md p04: on 2024-07-01 CCI ledger A 20 + B 10 + C 38 = 68 mm = 123.6 % of the baseline.
        var cci = Block(Text("p04"), "Definition cci-2022: ");
        Assert.NotEmpty(cci);
        Assert.Contains(cci, l => l.Contains("68 mm = 123.6 % of the baseline", StringComparison.Ordinal));
        Assert.Contains(cci, l => l.Contains("2024-07-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_definition_is_explained_not_only_the_decisions()
    {
        var text = Text("p02");
        foreach (var id in new[] { "abcr", "art", "cci-2022", "jsh-2014" })
            Assert.Contains($"Definition {id}: ", text);
        Assert.Contains("Decision stop-tace: ", text);
    }
}
