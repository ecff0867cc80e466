using System.Reflection;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>Missing inputs are said in clinical words, never as the calculators' field names (issue 15).</summary>
public class InputLabelsTests
{
    [Fact]
    public void Every_input_name_a_calculator_can_report_missing_has_clinical_words()
    {
        var names = typeof(InputNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.True(names.Count >= 30);
        Assert.All(names, n => Assert.True(InputLabels.Knows(n), $"{n} has no clinical words"));
        // The words are not the name again (camelCase never reaches a reader).
        Assert.All(names.Where(n => n.Any(char.IsUpper)), n => Assert.NotEqual(n, InputLabels.Describe(n)));
    }

    [Theory]
    [InlineData("bclcStageBaseline", "the BCLC stage before the 1st TACE")]
    [InlineData("ecogPs", "ECOG performance status")]
    [InlineData("astBeforeSecondTace", "AST before the 2nd TACE")]
    [InlineData("inr (after the 1st TACE, before the 2nd TACE on 2024-04-08)", "INR (after the 1st TACE, before the 2nd TACE on 2024-04-08)")]
    [InlineData("cnlc: extrahepaticSpread, macrovascularInvasion, tumorCount, largestDiameter, reported CNLC stage",
        "cnlc: extrahepatic spread, macrovascular invasion, tumor count, largest tumor diameter, reported CNLC stage")]
    [InlineData("an mRECIST assessment between the 1st and 2nd TACE", "an mRECIST assessment between the 1st and 2nd TACE")]
    public void A_missing_entry_reads_in_clinical_words_and_words_pass_unchanged(string missing, string words) =>
        Assert.Equal(words, InputLabels.Describe(missing));
}
