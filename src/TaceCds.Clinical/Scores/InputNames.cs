namespace TaceCds.Clinical.Scores;

/// <summary>
/// The names calculators use in <see cref="CalculatorResult.Missing"/> and <see cref="InputProblem.Input"/>.
/// They are part of the output contract ("missing": [...]) so they are stable, unit-free and camelCase.
/// </summary>
public static class InputNames
{
    public const string Neutrophils = "neutrophils";
    public const string Lymphocytes = "lymphocytes";
    public const string Bilirubin = "bilirubin";
    public const string Albumin = "albumin";
    /// <summary>INR; when absent, <see cref="PtProlongation"/> may stand in for it in Child-Pugh.</summary>
    public const string Inr = "inr";
    public const string PtProlongation = "ptProlongation";
    public const string Ascites = "ascites";
    public const string Encephalopathy = "encephalopathy";
    public const string ReportedChildPughScore = "reportedChildPughScore";
    public const string Afp = "afp";
    public const string EcogPs = "ecogPs";
    public const string ChildPughClass = "childPughClass";
    public const string TumorCount = "tumorCount";
    public const string LargestDiameter = "largestDiameter";
    public const string MacrovascularInvasion = "macrovascularInvasion";
    public const string ExtrahepaticSpread = "extrahepaticSpread";
    public const string AstBeforeFirstTace = "astBeforeFirstTace";
    public const string AstBeforeSecondTace = "astBeforeSecondTace";
    public const string ChildPughPointsBeforeFirstTace = "childPughPointsBeforeFirstTace";
    public const string ChildPughPointsBeforeSecondTace = "childPughPointsBeforeSecondTace";
    public const string ChildPughPointsAfterFirstTace = "childPughPointsAfterFirstTace";
    public const string RadiologicResponseAfterFirstTace = "radiologicResponseAfterFirstTace";
    public const string ObjectiveResponseAfterFirstTace = "objectiveResponseAfterFirstTace";
    public const string AfpBaseline = "afpBaseline";
    public const string BclcStageBaseline = "bclcStageBaseline";
    public const string IodineConcentrationTumor = "iodineConcentrationTumor";
    public const string IodineConcentrationAorta = "iodineConcentrationAorta";
    public const string Ct40KeV = "ct40keV";
    public const string Ct90KeV = "ct90keV";
    public const string DoseLengthProduct = "doseLengthProduct";
    public const string DoseConversionFactor = "doseConversionFactor";
}
