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
    // PT prolongation over the control, in seconds (Child-Pugh when INR is absent).
    [InlineData(FactKind.PtProlongation, 4.5, "s", 4.5, "s")]
    [InlineData(FactKind.Afp, 400, "ug/L", 400, "ng/mL")]
    [InlineData(FactKind.Ast, 40, "[IU]/L", 40, "U/L")]
    [InlineData(FactKind.IvimAdc, 0.0012, "mm2/s", 1.2, "10*-3.mm2/s")]
    [InlineData(FactKind.IvimDStar, 25, "10*-3.mm2/s", 25, "10*-3.mm2/s")]
    [InlineData(FactKind.CtDlp, 5000, "mGy.mm", 500, "mGy.cm")]
    [InlineData(FactKind.CtpTtp, 0.5, "min", 30, "s")]
    [InlineData(FactKind.CtpTtp, 1500, "ms", 1.5, "s")]
    [InlineData(FactKind.IvimD, 800, "10*-6.mm2/s", 0.8, "10*-3.mm2/s")]
    [InlineData(FactKind.IvimAdc, 1.1, "um2/ms", 1.1, "10*-3.mm2/s")]
    [InlineData(FactKind.EffectiveDose, 1500, "uSv", 1.5, "mSv")]
    [InlineData(FactKind.DectIcAp, 1.9, "g/L", 1.9, "mg/mL")]
    [InlineData(FactKind.PivkaII, 40, "m[arb'U]/mL", 40, "mAU/mL")]
    [InlineData(FactKind.Alt, 30, "U/L", 30, "U/L")]
    [InlineData(FactKind.Platelets, 150, "10*9/L", 150, "10*9/L")]
    [InlineData(FactKind.ReportedNlr, 3.2, "{ratio}", 3.2, "1")]
    // Identity conversions of every canonical unit, so that each accepted unit is exercised.
    [InlineData(FactKind.Afp, 10, "ng/mL", 10, "ng/mL")]
    [InlineData(FactKind.Ast, 10, "U/L", 10, "U/L")]
    [InlineData(FactKind.Alt, 10, "[IU]/L", 10, "U/L")]
    [InlineData(FactKind.PivkaII, 10, "mAU/mL", 10, "mAU/mL")]
    [InlineData(FactKind.ReportedNlr, 10, "1", 10, "1")]
    [InlineData(FactKind.CtpBvRoi, 10, "mL/100g", 10, "mL/100g")]
    [InlineData(FactKind.CtpBvEmbolized, 10, "mL/100g", 10, "mL/100g")]
    [InlineData(FactKind.CtpHap, 10, "mL/min/100mL", 10, "mL/min/100mL")]
    [InlineData(FactKind.CtpPvp, 10, "mL/min/100mL", 10, "mL/min/100mL")]
    [InlineData(FactKind.CtpHpi, 10, "%", 10, "%")]
    [InlineData(FactKind.CtpTtp, 10, "s", 10, "s")]
    [InlineData(FactKind.PctPs, 10, "mL/min/100g", 10, "mL/min/100g")]
    [InlineData(FactKind.DectIcAp, 10, "mg/mL", 10, "mg/mL")]
    [InlineData(FactKind.DectIcAortaAp, 10, "mg/mL", 10, "mg/mL")]
    [InlineData(FactKind.DectIcAortaAp, 10, "g/L", 10, "mg/mL")]
    [InlineData(FactKind.DectCt40Ap, 10, "[hnsf'U]", 10, "[hnsf'U]")]
    [InlineData(FactKind.DectCt90Ap, 10, "[hnsf'U]", 10, "[hnsf'U]")]
    [InlineData(FactKind.DectLambdaHuAp, 10, "[hnsf'U]/keV", 10, "[hnsf'U]/keV")]
    [InlineData(FactKind.DectZeffAp, 10, "1", 10, "1")]
    [InlineData(FactKind.CtDlp, 10, "mGy.cm", 10, "mGy.cm")]
    [InlineData(FactKind.CtCtdiVol, 10, "mGy", 10, "mGy")]
    [InlineData(FactKind.EffectiveDose, 10, "mSv", 10, "mSv")]
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

    [Theory]
    [InlineData("62.0")]
    [InlineData("62")]
    [InlineData("62.000")]
    public void Trailing_zeros_do_not_change_the_fact(string written)
    {
        Assert.True(UnitNormalizer.TryNormalize(FactKind.CtpPvp, new Quantity { Value = decimal.Parse(written, System.Globalization.CultureInfo.InvariantCulture), Code = "mL/min/100mL" }, out var r, out _));
        Assert.Equal("62", r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

/// <summary>Every unit the catalogue accepts is exercised by <see cref="UnitNormalizerTests"/>; a new unit needs a test.</summary>
public class UnitCatalogCoverageTests
{
    [Fact]
    public void Every_accepted_unit_of_every_kind_has_a_conversion_test()
    {
        var tested = typeof(UnitNormalizerTests).GetMethod(nameof(UnitNormalizerTests.Accepted_units_convert_to_the_canonical_unit))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => a.GetData(null!).Single()).Select(d => ((FactKind)d[0], (string)d[2])).ToHashSet();
        var rules = UnitCatalog.All.ToList();
        // Kinds sharing one rule (all cell counts, all lengths…) need one test per unit of the shared rule.
        var missing = rules.SelectMany(r => r.Value.Factors.Keys.Select(u => (Kind: r.Key, Unit: u, Rule: r.Value)))
            .Where(x => !tested.Any(t => t.Item2 == x.Unit && ReferenceEquals(UnitCatalog.For(t.Item1), x.Rule)))
            .Select(x => $"{x.Kind} {x.Unit}").ToList();
        Assert.Empty(missing);
    }
}
