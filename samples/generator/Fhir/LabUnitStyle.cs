namespace TaceCds.SampleGenerator.Fhir;

/// <summary>How a hospital reports its labs.</summary>
public enum LabUnitStyle
{
    /// <summary>Bilirubin 14631-6 umol/L, albumin g/L, cell counts 10*9/L, INR {INR}.</summary>
    SI,
    /// <summary>Bilirubin 1975-2 mg/dL, albumin g/dL, cell counts 10*3/uL, INR 1.</summary>
    US,
}
