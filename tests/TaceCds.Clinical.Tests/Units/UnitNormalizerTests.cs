using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Units;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Tests.Units;

/// <summary>Every accepted unit converts to the canonical one with the published factor; anything else is refused.</summary>
public class UnitNormalizerTests
{
    [Theory]
    // Bilirubin: mg/dL × 17.1 = µmol/L (clinical-reference.md §5).
    [InlineData(FactKind.Bilirubin, 1.0, "mg/dL", 17.1, "umol/L")]
    [InlineData(FactKind.Bilirubin, 2.0, "mg/dL", 34.2, "umol/L")]
    [InlineData(FactKind.Bilirubin, 34, "umol/L", 34, "umol/L")]
    [InlineData(FactKind.Bilirubin, 0.034, "mmol/L", 34, "umol/L")]
    // Albumin: g/dL × 10 = g/L.
    [InlineData(FactKind.Albumin, 3.5, "g/dL", 35, "g/L")]
    [InlineData(FactKind.Albumin, 35, "g/L", 35, "g/L")]
    [InlineData(FactKind.Albumin, 3500, "mg/dL", 35, "g/L")]
    // Cell counts: 10*9/L = 10*3/uL.
    [InlineData(FactKind.Neutrophils, 4.2, "10*3/uL", 4.2, "10*9/L")]
    [InlineData(FactKind.Lymphocytes, 1.3, "10*9/L", 1.3, "10*9/L")]
    [InlineData(FactKind.Platelets, 150, "10*3/mm3", 150, "10*9/L")]
    [InlineData(FactKind.Platelets, 150, "/nL", 150, "10*9/L")]
    // Lengths: cm × 10 = mm.
    [InlineData(FactKind.ViableDiameter, 4.2, "cm", 42, "mm")]
    [InlineData(FactKind.LesionDiameter, 42, "mm", 42, "mm")]
    [InlineData(FactKind.LargestTumorDiameter, 7.1, "cm", 71, "mm")]
    // INR is unitless.
    [InlineData(FactKind.Inr, 1.7, "{INR}", 1.7, "1")]
    [InlineData(FactKind.Inr, 1.7, "{ratio}", 1.7, "1")]
    [InlineData(FactKind.Inr, 1.7, "1", 1.7, "1")]
    [InlineData(FactKind.Afp, 400, "ug/L", 400, "ng/mL")]
    [InlineData(FactKind.Ast, 40, "[IU]/L", 40, "U/L")]
    [InlineData(FactKind.IvimAdc, 0.0012, "mm2/s", 1.2, "10*-3.mm2/s")]
    [InlineData(FactKind.IvimDStar, 25, "10*-3.mm2/s", 25, "10*-3.mm2/s")]
    [InlineData(FactKind.CtDlp, 5000, "mGy.mm", 500, "mGy.cm")]
    [InlineData(FactKind.CtpTtp, 0.5, "min", 30, "s")]
    public void Accepted_units_convert_to_the_canonical_unit(FactKind kind, double value, string unit, double expected, string canonical)
    {
        var ok = UnitNormalizer.TryNormalize(kind, new Quantity { Value = (decimal)value, Code = unit, System = "http://unitsofmeasure.org" }, out var result, out var problem);

        Assert.True(ok, problem);
        Assert.Equal((decimal)expected, result.Value);
        Assert.Equal(canonical, result.Unit);
    }

    [Theory]
    [InlineData(FactKind.Albumin, "mmol/L")]
    [InlineData(FactKind.Bilirubin, "mg/L")]
    [InlineData(FactKind.ViableDiameter, "in")]
    [InlineData(FactKind.Afp, "[IU]/mL")]
    [InlineData(FactKind.Neutrophils, "%")]
    public void Unknown_units_are_refused_never_guessed(FactKind kind, string unit)
    {
        var ok = UnitNormalizer.TryNormalize(kind, new Quantity { Value = 1, Code = unit, System = "http://unitsofmeasure.org" }, out _, out var problem);

        Assert.False(ok);
        Assert.Contains($"unit '{unit}' is not accepted", problem);
    }

    [Fact]
    public void A_unit_from_another_system_is_refused()
    {
        var ok = UnitNormalizer.TryNormalize(FactKind.Albumin, new Quantity { Value = 40, Code = "g/L", System = "http://example.org/units" }, out _, out var problem);
        Assert.False(ok);
        Assert.Contains("not UCUM", problem);
    }

    [Fact]
    public void Display_unit_is_used_when_the_code_is_missing()
    {
        Assert.True(UnitNormalizer.TryNormalize(FactKind.Bilirubin, new Quantity { Value = 20, Unit = "µmol/L" }, out var r, out _));
        Assert.Equal(20m, r.Value);
    }

    [Theory]
    [InlineData(FactKind.Inr, true)]
    [InlineData(FactKind.Albumin, false)]
    public void Only_dimensionless_kinds_accept_no_unit(FactKind kind, bool accepted) =>
        Assert.Equal(accepted, UnitNormalizer.TryNormalize(kind, new Quantity { Value = 1.2m }, out _, out _));
}
