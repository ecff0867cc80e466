namespace TaceCds.Clinical.Scores;

/// <summary>
/// What CNLC and BCLC staging read. Every member may be absent; absence is reported, never read as "no".
/// </summary>
/// <param name="EcogPs">ECOG performance status 0–4.</param>
/// <param name="ChildPughClass">Child-Pugh class (computed or reported; see <see cref="ChildPugh.Reconcile"/>).</param>
/// <param name="TumorCount">Number of intrahepatic tumors, at least 1.</param>
/// <param name="LargestDiameterMm">Largest intrahepatic tumor diameter in millimetres, greater than 0.</param>
/// <param name="MacrovascularInvasion">Macrovascular (including portal vein) tumor invasion.</param>
/// <param name="ExtrahepaticSpread">Extrahepatic metastasis / spread (input contract tacecds#extrahepatic-spread).</param>
public sealed record StagingInputs(
    int? EcogPs,
    ChildPughClass? ChildPughClass,
    int? TumorCount,
    decimal? LargestDiameterMm,
    bool? MacrovascularInvasion,
    bool? ExtrahepaticSpread)
{
    /// <summary>
    /// When <see cref="ChildPughClass"/> is unknown: the highest Child-Pugh total the known components allow, counting
    /// each missing or stale component as 3 (<see cref="ChildPughResult.MaximumPoints"/>). ≤ 9 means "not C", which is
    /// all CNLC needs (clinical-reference.md §5).
    /// </summary>
    public int? ChildPughMaximumPoints { get; init; }
}
