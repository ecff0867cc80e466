using System.Text.RegularExpressions;

namespace TaceCds.Clinical.Scores;

/// <summary>
/// The clinical words for each <see cref="InputNames"/> name: what a clinician reads where an input is missing (the
/// text summary, card texts via <c>scoresNotComputed.{score}.missingWords</c>). The names stay the machine contract;
/// these words are the one place they are said in clinical language.
/// </summary>
public static partial class InputLabels
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        [InputNames.Neutrophils] = "neutrophils",
        [InputNames.Lymphocytes] = "lymphocytes",
        [InputNames.Bilirubin] = "bilirubin",
        [InputNames.Albumin] = "albumin",
        [InputNames.Inr] = "INR",
        [InputNames.PtProlongation] = "PT prolongation",
        [InputNames.Ascites] = "ascites",
        [InputNames.Encephalopathy] = "hepatic encephalopathy",
        [InputNames.ReportedChildPughScore] = "a reported Child-Pugh score",
        [InputNames.Afp] = "AFP",
        [InputNames.EcogPs] = "ECOG performance status",
        [InputNames.ChildPughClass] = "Child-Pugh class",
        [InputNames.TumorCount] = "tumor count",
        [InputNames.LargestDiameter] = "largest tumor diameter",
        [InputNames.MacrovascularInvasion] = "macrovascular invasion",
        [InputNames.ExtrahepaticSpread] = "extrahepatic spread",
        [InputNames.AstBeforeFirstTace] = "AST before the 1st TACE",
        [InputNames.AstBeforeSecondTace] = "AST before the 2nd TACE",
        [InputNames.ChildPughPointsBeforeFirstTace] = "the Child-Pugh score before the 1st TACE",
        [InputNames.ChildPughPointsBeforeSecondTace] = "the Child-Pugh score before the 2nd TACE",
        [InputNames.ChildPughPointsAfterFirstTace] = "the Child-Pugh score after the 1st TACE",
        [InputNames.RadiologicResponseAfterFirstTace] = "the mRECIST response after the 1st TACE",
        [InputNames.ObjectiveResponseAfterFirstTace] = "the mRECIST response after the 1st TACE",
        [InputNames.AfpBaseline] = "AFP before the 1st TACE",
        [InputNames.BclcStageBaseline] = "the BCLC stage before the 1st TACE",
        [InputNames.IodineConcentrationTumor] = "iodine concentration of the tumor",
        [InputNames.IodineConcentrationAorta] = "iodine concentration of the aorta",
        [InputNames.Ct40KeV] = "CT attenuation at 40 keV",
        [InputNames.Ct90KeV] = "CT attenuation at 90 keV",
        [InputNames.DoseLengthProduct] = "dose-length product",
        [InputNames.DoseConversionFactor] = "dose conversion factor",
    };

    /// <summary>
    /// One <c>missing</c> entry in clinical words: a name ("ecogPs"), a name with its time point
    /// ("inr (before the 1st TACE)") or a list after a score ("cnlc: ecogPs, tumorCount"); words pass through unchanged.
    /// </summary>
    public static string Describe(string missing) =>
        Name().Replace(missing, m => Words.TryGetValue(m.Value, out var words) ? words : m.Value);

    public static IReadOnlyList<string> Describe(IEnumerable<string> missing) => missing.Select(Describe).ToList();

    /// <summary>True when the name has clinical words here (a test checks every <see cref="InputNames"/> constant).</summary>
    public static bool Knows(string name) => Words.ContainsKey(name);

    // A camelCase identifier as the calculators write it; plain words ("reported CNLC stage") contain no such token.
    [GeneratedRegex(@"\b[a-z]+(?:[A-Z0-9][a-z0-9]*)+\b|\b(?:neutrophils|lymphocytes|bilirubin|albumin|inr|ascites|encephalopathy|afp)\b")]
    private static partial Regex Name();
}
