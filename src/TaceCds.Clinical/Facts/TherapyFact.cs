namespace TaceCds.Clinical.Facts;

public enum TherapyKind { Tace, Ablation, Resection, Radiotherapy, Haic, Tare, SeedImplantation }

/// <summary>A completed liver-directed procedure (a TACE session, or a therapy that ends a TACE course).</summary>
public sealed record TherapyFact
{
    public required TherapyKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    public required string Source { get; init; }
    /// <summary>performed[x] (start) as written: a time, when present, orders same-day values before or after the procedure.</summary>
    public string? PerformedText { get; init; }
    /// <summary>TACE only: the tace-standardized extension; null when not documented.</summary>
    public bool? Standardized { get; init; }
    /// <summary>Other Procedure resources merged into this one (same kind, same day).</summary>
    public IReadOnlyList<string> MergedSources { get; init; } = [];

    public static string Name(TherapyKind kind) => kind switch
    {
        TherapyKind.Tace => "tace",
        TherapyKind.Ablation => "ablation",
        TherapyKind.Resection => "resection",
        TherapyKind.Radiotherapy => "radiotherapy",
        TherapyKind.Haic => "haic",
        TherapyKind.Tare => "tare",
        TherapyKind.SeedImplantation => "seed-implantation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
