using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Imaging;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// Derived imaging values computed when their raw values are there and the derived one is not (input-data contract):
/// NIC from the tumor and aortic iodine concentrations, λHU from CT40/CT90, effective dose from DLP (× 0.015, stated).
/// </summary>
internal static class DerivedImagingValues
{
    public static IEnumerable<ObservationFact> Compute(IReadOnlyList<ObservationFact> observations)
    {
        foreach (var group in observations.Where(o => o.Exam is not null).GroupBy(o => (o.Exam, o.Lesion)))
        {
            var byKind = group.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Last());
            ObservationFact? Get(FactKind k) => byKind.GetValueOrDefault(k);

            if (Get(FactKind.DectNicAp) is null && Get(FactKind.DectIcAp) is { } ic && Get(FactKind.DectIcAortaAp) is { } aorta)
            {
                var nic = NormalizedIodineConcentration.Compute(ic.Number, aorta.Number);
                if (nic.Percent is { } pct) yield return Derived(FactKind.DectNicAp, pct, "%", ic, aorta);
            }
            if (Get(FactKind.DectLambdaHuAp) is null && Get(FactKind.DectCt40Ap) is { } ct40 && Get(FactKind.DectCt90Ap) is { } ct90)
            {
                var lambda = LambdaHu.Compute(ct40.Number, ct90.Number);
                if (lambda.HuPerKeV is { } value) yield return Derived(FactKind.DectLambdaHuAp, value, "[hnsf'U]/keV", ct40, ct90);
            }
            if (group.Key.Lesion is null && Get(FactKind.EffectiveDose) is null && Get(FactKind.CtDlp) is { } dlp)
            {
                var dose = EffectiveDose.FromDlp(dlp.Number);
                if (dose.MilliSievert is { } msv) yield return Derived(FactKind.EffectiveDose, msv, "mSv", dlp);
            }
        }
    }

    private static ObservationFact Derived(FactKind kind, decimal value, string unit, params ObservationFact[] from) => from[0] with
    {
        Kind = kind,
        Number = value,
        Unit = unit,
        Derived = true,
        DerivedFrom = from.Select(f => f.Source).ToList(),
        Preliminary = from.Any(f => f.Preliminary),
    };
}
