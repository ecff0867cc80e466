namespace TaceCds.Clinical.Scores;

/// <summary>
/// The Child-Pugh score chosen by <see cref="ChildPugh.Reconcile"/>. When neither a complete computation
/// nor a valid reported score exists, <see cref="Points"/> is null and <see cref="CalculatorResult.Missing"/>
/// lists the absent components followed by "reportedChildPughScore"; <see cref="Class"/> may still be set
/// when the known components decide it.
/// </summary>
public sealed record ChildPughReconciliation : CalculatorResult
{
    public int? Points { get; init; }
    public ChildPughClass? Class { get; init; }
    public ChildPughSource? Source { get; init; }

    /// <summary>A message to show when the reported and computed scores disagree; null when they agree or only one exists.</summary>
    public string? Disagreement { get; init; }

    public bool HasDisagreement => Disagreement is not null;

    public override bool IsComputable => Points is not null;
}
