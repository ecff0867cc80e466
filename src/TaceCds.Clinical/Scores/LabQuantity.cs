namespace TaceCds.Clinical.Scores;

/// <summary>
/// A lab value in the UCUM unit the laboratory reported it in. Child-Pugh grades bilirubin on the scale of that unit
/// (clinical-reference.md §5): converting first and grading on the converted value moves results at the band edges
/// (2 mg/dL is 34.2 µmol/L, 3 mg/dL is 51.3 µmol/L).
/// </summary>
/// <param name="Value">The value as reported.</param>
/// <param name="Unit">Its UCUM code (e.g. <c>mg/dL</c>, <c>umol/L</c>).</param>
public readonly record struct LabQuantity(decimal Value, string Unit)
{
    public const string MicromolPerLiter = "umol/L";
    public const string MilligramPerDeciliter = "mg/dL";
    public const string MillimolPerLiter = "mmol/L";

    public static LabQuantity MicromolesPerLiter(decimal value) => new(value, MicromolPerLiter);
}
