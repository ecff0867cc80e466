using System.Globalization;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Scores;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// The latest value of each input at one time point, under that time point's recency rule (clinical-reference.md §5
/// "Recency"): <see cref="Now"/> (asOf) or <see cref="BeforeProcedure"/> (before TACE n). A latest value outside the rule
/// is not returned by <see cref="Latest"/>: it is a <see cref="StaleValue"/>, so a score never computes with it as if it
/// were current. In both rules a value drawn before the latest liver-directed procedure preceding the time point is not
/// current; for ART and ABCR this also keeps one old value from serving both time points and reading as "no change".
/// The public constructor is the unlimited history view (trend charts), never used for a score.
/// </summary>
public sealed class ClinicalSnapshot
{
    private readonly ClinicalFacts _facts;
    private readonly RecencyOptions? _options;
    private readonly Dictionary<FactKind, (ObservationFact? Current, StaleValue? Stale)> _cache = [];

    /// <summary>The day values are for: asOf, or the procedure's day.</summary>
    public DateOnly OnOrBefore { get; }

    /// <summary>"Before TACE n": the procedure; values must be drawn before it. Null for "now" and for the history view.</summary>
    public TherapyFact? Procedure { get; }

    /// <summary>The latest liver-directed procedure before the time point: values drawn before it are not current.</summary>
    public TherapyFact? After { get; }

    /// <summary>History view: the latest value on or before a day, whatever its age. Not for scores.</summary>
    public ClinicalSnapshot(ClinicalFacts facts, DateOnly onOrBefore)
    {
        _facts = facts;
        OnOrBefore = onOrBefore;
    }

    private ClinicalSnapshot(ClinicalFacts facts, RecencyOptions options, DateOnly onOrBefore, TherapyFact? procedure)
    {
        _facts = facts;
        _options = options;
        OnOrBefore = onOrBefore;
        Procedure = procedure;
        After = facts.Therapies.LastOrDefault(t => procedure is null ? t.Date <= onOrBefore : t.Date < procedure.Date && t != procedure);
    }

    /// <summary>Values as of asOf: each within its "now" limit and after the latest liver-directed procedure.</summary>
    public static ClinicalSnapshot Now(ClinicalFacts facts, RecencyOptions? options = null) =>
        new(facts, options ?? RecencyOptions.Default, facts.AsOf, null);

    /// <summary>Values before a procedure: drawn before it (time-aware on its day), within the limit, after the previous procedure.</summary>
    public static ClinicalSnapshot BeforeProcedure(ClinicalFacts facts, TherapyFact procedure, RecencyOptions? options = null) =>
        new(facts, options ?? RecencyOptions.Default, procedure.Date, procedure);

    /// <summary>Values before a TACE session of the course (its Procedure, found by source).</summary>
    public static ClinicalSnapshot BeforeSession(ClinicalFacts facts, Course.TaceSession session, RecencyOptions? options = null) =>
        BeforeProcedure(facts,
            facts.Therapies.FirstOrDefault(t => t.Source == session.Source)
                ?? new TherapyFact { Kind = TherapyKind.Tace, Date = session.Date, Source = session.Source },
            options);

    /// <summary>Whether one value (e.g. the newest NLR pair) is current under this time point's rule; null when it is.</summary>
    public StaleValue? CheckRecency(FactKind kind, ObservationFact fact) => Judge(kind, fact).Item2;

    /// <summary>The latest current value of a kind; null when there is none or the latest is stale (see <see cref="Stale"/>).</summary>
    public ObservationFact? Latest(FactKind kind) => Find(kind).Current;

    /// <summary>The latest value of a kind when it was set aside as stale.</summary>
    public StaleValue? Stale(FactKind kind) => Find(kind).Stale;

    public decimal? Number(FactKind kind) => Latest(kind)?.Number;

    /// <summary>The stale values among the kinds a score reads.</summary>
    public IReadOnlyList<StaleValue> StaleAmong(IEnumerable<FactKind> kinds) =>
        kinds.Distinct().Select(Stale).OfType<StaleValue>().ToList();

    /// <summary>The recency rule for the kinds a score reads, in words for the card.</summary>
    public string Describe(IEnumerable<FactKind> kinds)
    {
        if (_options is null) return $"latest values on or before {Day(OnOrBefore)}";
        var after = After is { } a ? $", after the latest liver-directed procedure ({Display(a.Kind)} {Day(a.Date)})" : "";
        if (Procedure is { } p)
            return $"latest value drawn before the {Display(p.Kind)} of {Day(p.Date)} ({ProcedureTiming.SameDayAssumption}), at most {_options.BeforeProcedureDays} days before it{after}";
        var limits = kinds.Select(RecencyOptions.GroupOf).OfType<RecencyGroup>().Distinct().OrderBy(g => g)
            .Select(g => (Name: RecencyOptions.Name(g), Days: _options.NowDays(g))).ToList();
        var text = limits.Select(l => l.Days).Distinct().Count() == 1
            ? $"inputs ≤ {limits[0].Days} days old"
            : string.Join(", ", limits.Select(l => $"{l.Name} ≤ {l.Days} days old"));
        return $"{text} on {Day(OnOrBefore)}{after}";
    }

    private (ObservationFact? Current, StaleValue? Stale) Find(FactKind kind)
    {
        if (_cache.TryGetValue(kind, out var found)) return found;
        ObservationFact? latest = null;
        foreach (var o in _facts.Of(kind))
        {
            if (o.Lesion is not null) continue;
            if (Procedure is { } p ? !ProcedureTiming.DrawnBefore(o, p) : o.Date > OnOrBefore) continue;
            if (latest is null || o.Date >= latest.Date) latest = o;
        }
        found = latest is null ? (null, null) : Judge(kind, latest);
        // A conflicting copy (the same resource twice with different values, issue 11 point 5) dated within this view and
        // not older than the latest trusted value may be the real latest: the input is unknown, never silently the older one.
        if (found.Current is not null || latest is null)
        {
            var horizon = Procedure?.Date ?? OnOrBefore;
            if (_facts.ConflictingDates(kind).Any(d => d <= horizon && (latest is null || d >= latest.Date)))
                found = (null, found.Stale);
        }
        _cache[kind] = found;
        return found;
    }

    private (ObservationFact?, StaleValue?) Judge(FactKind kind, ObservationFact fact)
    {
        if (_options is null) return (fact, null);
        var what = $"{InputName(kind)} of {Day(fact.Date)}";
        if (After is { } a && ProcedureTiming.DrawnBefore(fact, a))
            return (null, new StaleValue(kind, fact,
                $"{what} is from before the latest liver-directed procedure ({Display(a.Kind)} {Day(a.Date)}) and is not current"));
        var limit = Procedure is not null ? _options.BeforeProcedureDays
            : RecencyOptions.GroupOf(kind) is { } g ? _options.NowDays(g) : (int?)null;
        var age = OnOrBefore.DayNumber - fact.Date.DayNumber;
        if (limit is { } days && age > days)
        {
            var anchor = Procedure is { } p ? $"before the {Display(p.Kind)} of {Day(p.Date)}" : $"before {Day(OnOrBefore)}";
            return (null, new StaleValue(kind, fact, $"{what} is {age} days {anchor} (limit {days} days)"));
        }
        return (fact, null);
    }

    public Ascites? Ascites => Latest(FactKind.Ascites)?.Code switch
    {
        "none" => Scores.Ascites.None,
        "mild" => Scores.Ascites.Mild,
        "moderate-severe" => Scores.Ascites.ModerateSevere,
        _ => null,
    };

    public HepaticEncephalopathy? Encephalopathy => Latest(FactKind.HepaticEncephalopathy)?.Code switch
    {
        "none" => HepaticEncephalopathy.None,
        "grade-1-2" => HepaticEncephalopathy.Grade1To2,
        "grade-3-4" => HepaticEncephalopathy.Grade3To4,
        _ => null,
    };

    /// <summary>Bilirubin as the lab reported it (Child-Pugh grades on the reported unit's scale).</summary>
    public LabQuantity? BilirubinAsReported => Latest(FactKind.Bilirubin) is { } b
        ? b.ReportedNumber is { } v && b.ReportedUnit is { } u ? new LabQuantity(v, u) : b.Number is { } n ? LabQuantity.MicromolesPerLiter(n) : null
        : null;

    /// <summary>The kinds Child-Pugh reads (components and a reported score).</summary>
    public static readonly FactKind[] ChildPughKinds =
        [FactKind.Bilirubin, FactKind.Albumin, FactKind.Inr, FactKind.PtProlongation, FactKind.Ascites, FactKind.HepaticEncephalopathy, FactKind.ReportedChildPughScore];

    public ChildPughResult ChildPugh() =>
        Scores.ChildPugh.Compute(BilirubinAsReported, Number(FactKind.Albumin), Number(FactKind.Inr), Number(FactKind.PtProlongation), Ascites, Encephalopathy);

    public ChildPughReconciliation ChildPughReconciled() =>
        Scores.ChildPugh.Reconcile(ChildPugh(), Latest(FactKind.ReportedChildPughScore)?.Number is { } r ? (int)r : null);

    /// <summary>The facts Child-Pugh reads here, for evidence (PT prolongation only when it stood in for INR).</summary>
    public IEnumerable<(string Name, ObservationFact? Fact)> ChildPughInputs() =>
    [
        ("bilirubin", Latest(FactKind.Bilirubin)), ("albumin", Latest(FactKind.Albumin)), ("inr", Latest(FactKind.Inr)),
        ("ptProlongation", Latest(FactKind.Inr) is null ? Latest(FactKind.PtProlongation) : null),
        ("ascites", Latest(FactKind.Ascites)), ("hepaticEncephalopathy", Latest(FactKind.HepaticEncephalopathy)),
    ];

    /// <summary>The kinds staging reads, besides Child-Pugh.</summary>
    public static readonly FactKind[] StagingKinds =
        [FactKind.Ecog, FactKind.TumorCount, FactKind.LargestTumorDiameter, FactKind.VascularInvasion, FactKind.ExtrahepaticSpread];

    public StagingInputs StagingInputs(ChildPughClass? childPughClass, int? childPughMaximumPoints = null) => new(
        Number(FactKind.Ecog) is { } ps ? (int)ps : null,
        childPughClass,
        Number(FactKind.TumorCount) is { } n ? (int)n : null,
        Number(FactKind.LargestTumorDiameter),
        Latest(FactKind.VascularInvasion)?.Flag,
        Latest(FactKind.ExtrahepaticSpread)?.Flag)
    {
        ChildPughMaximumPoints = childPughMaximumPoints,
    };

    public IEnumerable<(string Name, ObservationFact? Fact)> StagingFacts() =>
    [
        ("ecog", Latest(FactKind.Ecog)), ("tumorCount", Latest(FactKind.TumorCount)), ("largestTumorDiameter", Latest(FactKind.LargestTumorDiameter)),
        ("vascularInvasion", Latest(FactKind.VascularInvasion)), ("extrahepaticSpread", Latest(FactKind.ExtrahepaticSpread)),
    ];

    /// <summary>An input's name in clinical words, for stale-value reasons.</summary>
    public static string InputName(FactKind kind) => kind switch
    {
        FactKind.Inr => "INR",
        FactKind.PtProlongation => "PT prolongation",
        FactKind.Afp => "AFP",
        FactKind.Ast => "AST",
        FactKind.Alt => "ALT",
        FactKind.PivkaII => "PIVKA-II",
        FactKind.Ecog => "ECOG performance status",
        FactKind.HepaticEncephalopathy => "hepatic encephalopathy",
        FactKind.ReportedChildPughScore => "reported Child-Pugh score",
        FactKind.ReportedNlr => "reported NLR",
        FactKind.ReportedCnlcStage => "reported CNLC stage",
        FactKind.ReportedBclcStage => "reported BCLC stage",
        FactKind.TumorCount => "tumor count",
        FactKind.LargestTumorDiameter => "largest tumor diameter",
        FactKind.VascularInvasion => "vascular invasion",
        FactKind.ExtrahepaticSpread => "extrahepatic spread",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Display(TherapyKind kind) => kind == TherapyKind.Tace ? "TACE" : TherapyFact.Name(kind);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
