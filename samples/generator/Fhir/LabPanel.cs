namespace TaceCds.SampleGenerator.Fhir;

/// <summary>
/// One blood sample, always given in SI units (bilirubin µmol/L, albumin g/L, cell counts 10^9/L); the record's
/// <see cref="LabUnitStyle"/> decides what is written. Null = not measured.
/// </summary>
public sealed record LabPanel(
    decimal? BilirubinUmolL,
    decimal? AlbuminGL,
    decimal? Inr,
    decimal? AfpNgMl,
    decimal? AstUL,
    decimal? AltUL,
    decimal? Neutrophils,
    decimal? Lymphocytes,
    decimal? Platelets);
