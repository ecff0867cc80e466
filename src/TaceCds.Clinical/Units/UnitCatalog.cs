using TaceCds.Clinical.Codes;

namespace TaceCds.Clinical.Units;

/// <summary>The canonical unit of a quantity and the UCUM units accepted for it, with exact factors to the canonical one.</summary>
public sealed record UnitRule(string Canonical, IReadOnlyDictionary<string, decimal> Factors, bool UnitlessAllowed = false);

/// <summary>
/// Every unit TaceCds accepts, per kind of quantity. Units are UCUM codes (unitsofmeasure.org); an unit not listed
/// here is a data issue, never a guess. Factors are exact by definition of the units, except bilirubin, where
/// clinical-reference.md §5 fixes mg/dL × 17.1 = µmol/L (molar mass 584.7 g/mol, rounded as laboratories do).
/// </summary>
public static class UnitCatalog
{
    private static readonly UnitRule CellCount = Rule("10*9/L", ("10*9/L", 1m), ("10*3/uL", 1m), ("10*3/mm3", 1m), ("/nL", 1m));
    private static readonly UnitRule Length = Rule("mm", ("mm", 1m), ("cm", 10m));
    private static readonly UnitRule Diffusion = Rule("10*-3.mm2/s", ("10*-3.mm2/s", 1m), ("10*-6.mm2/s", 0.001m), ("mm2/s", 1000m), ("um2/ms", 1m));
    private static readonly UnitRule Percent = Rule("%", ("%", 1m));

    private static readonly Dictionary<FactKind, UnitRule> Rules = new()
    {
        [FactKind.Bilirubin] = Rule("umol/L", ("umol/L", 1m), ("mg/dL", 17.1m), ("mmol/L", 1000m)),
        [FactKind.Albumin] = Rule("g/L", ("g/L", 1m), ("g/dL", 10m), ("mg/dL", 0.01m)),
        [FactKind.Inr] = Rule("1", true, ("1", 1m), ("{INR}", 1m), ("{ratio}", 1m)),
        [FactKind.PtProlongation] = Rule("s", ("s", 1m)),
        [FactKind.Afp] = Rule("ng/mL", ("ng/mL", 1m), ("ug/L", 1m)),
        [FactKind.Ast] = Rule("U/L", ("U/L", 1m), ("[IU]/L", 1m)),
        [FactKind.Alt] = Rule("U/L", ("U/L", 1m), ("[IU]/L", 1m)),
        [FactKind.Platelets] = CellCount,
        [FactKind.Neutrophils] = CellCount,
        [FactKind.Lymphocytes] = CellCount,
        [FactKind.PivkaII] = Rule("mAU/mL", ("mAU/mL", 1m), ("m[arb'U]/mL", 1m)),
        [FactKind.ReportedNlr] = Rule("1", true, ("1", 1m), ("{ratio}", 1m)),
        [FactKind.ViableDiameter] = Length,
        [FactKind.LesionDiameter] = Length,
        [FactKind.LargestTumorDiameter] = Length,
        [FactKind.ReportedViablePercent] = Percent,
        [FactKind.CtpBvRoi] = Rule("mL/100g", ("mL/100g", 1m)),
        [FactKind.CtpBvEmbolized] = Rule("mL/100g", ("mL/100g", 1m)),
        [FactKind.CtpHap] = Rule("mL/min/100mL", ("mL/min/100mL", 1m)),
        [FactKind.CtpPvp] = Rule("mL/min/100mL", ("mL/min/100mL", 1m)),
        [FactKind.CtpHpi] = Percent,
        [FactKind.CtpTtp] = Rule("s", ("s", 1m), ("ms", 0.001m), ("min", 60m)),
        [FactKind.PctPs] = Rule("mL/min/100g", ("mL/min/100g", 1m)),
        [FactKind.DectIcAp] = Rule("mg/mL", ("mg/mL", 1m), ("g/L", 1m)),
        [FactKind.DectIcAortaAp] = Rule("mg/mL", ("mg/mL", 1m), ("g/L", 1m)),
        [FactKind.DectNicAp] = Percent,
        [FactKind.DectCt40Ap] = Rule("[hnsf'U]", ("[hnsf'U]", 1m)),
        [FactKind.DectCt90Ap] = Rule("[hnsf'U]", ("[hnsf'U]", 1m)),
        [FactKind.DectLambdaHuAp] = Rule("[hnsf'U]/keV", ("[hnsf'U]/keV", 1m)),
        [FactKind.DectZeffAp] = Rule("1", true, ("1", 1m)),
        [FactKind.IvimAdc] = Diffusion,
        [FactKind.IvimD] = Diffusion,
        [FactKind.IvimDStar] = Diffusion,
        [FactKind.IvimF] = Percent,
        [FactKind.CtDlp] = Rule("mGy.cm", ("mGy.cm", 1m), ("mGy.mm", 0.1m)),
        [FactKind.CtCtdiVol] = Rule("mGy", ("mGy", 1m)),
        [FactKind.EffectiveDose] = Rule("mSv", ("mSv", 1m), ("uSv", 0.001m)),
    };

    /// <summary>Spellings that are not UCUM codes but name a UCUM unit unambiguously (as found in Quantity.unit).</summary>
    private static readonly Dictionary<string, string> DisplayAliases = new(StringComparer.Ordinal)
    {
        ["µmol/L"] = "umol/L", ["μmol/L"] = "umol/L", ["x10^9/L"] = "10*9/L", ["10^9/L"] = "10*9/L", ["10^3/uL"] = "10*3/uL",
        ["HU"] = "[hnsf'U]", ["HU/keV"] = "[hnsf'U]/keV", ["IU/L"] = "[IU]/L",
    };

    public static UnitRule? For(FactKind kind) => Rules.GetValueOrDefault(kind);

    public static IEnumerable<KeyValuePair<FactKind, UnitRule>> All => Rules;

    /// <summary>The UCUM code a Quantity names: its <c>code</c> when present, else its <c>unit</c> text through the alias table.</summary>
    public static string? UcumCodeOf(string? code, string? unitText)
    {
        if (!string.IsNullOrEmpty(code)) return code;
        if (string.IsNullOrEmpty(unitText)) return null;
        return DisplayAliases.GetValueOrDefault(unitText, unitText);
    }

    private static UnitRule Rule(string canonical, params (string Unit, decimal Factor)[] factors) => Rule(canonical, false, factors);

    private static UnitRule Rule(string canonical, bool unitless, params (string Unit, decimal Factor)[] factors) =>
        new(canonical, factors.ToDictionary(f => f.Unit, f => f.Factor, StringComparer.Ordinal), unitless);
}
