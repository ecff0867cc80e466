using TaceCds.Clinical.Facts;

namespace TaceCds.Clinical.Course;

/// <summary>
/// Follows the intrahepatic lesions first measured after baseline (clinical-reference.md §1 and §2). A lesion of
/// ≥ 10 mm is a new lesion (overall mRECIST PD); a smaller focus is equivocal until a later exam confirms it (≥ 10 mm).
/// A new lesion first seen after TACE 1 and before TACE 3 also joins the CCI target set at 0 mm; one first seen after
/// a 3rd or later session does not, and the note says to restage. The mRECIST targets never change here.
/// </summary>
internal sealed class NewLesionTracker(ClinicalFacts facts, IEnumerable<string> measuredAtBaseline)
{
    private readonly HashSet<string> _known = new(measuredAtBaseline, StringComparer.Ordinal);
    private readonly Dictionary<string, (DateOnly FirstSeen, int SessionsBefore)> _equivocal = new(StringComparer.Ordinal);
    private readonly List<string> _newLesions = [];
    private readonly List<CciNewLesion> _cciSet = [];

    /// <summary>The new lesions of the CCI target set so far, in the order they entered.</summary>
    public IReadOnlyList<CciNewLesion> CciSet => _cciSet;

    /// <summary>Classifies the lesions measured at one exam; returns the lesions that are new lesions from this exam on.</summary>
    public List<string> Classify(DateOnly date, int sessionsBefore, IReadOnlyList<TargetMeasurement> measured,
        IReadOnlySet<string> targets, List<string> notes)
    {
        var newHere = new List<string>();
        foreach (var m in measured)
        {
            if (_known.Contains(m.Lesion) || targets.Contains(m.Lesion)) continue;
            if (facts.Lesions.GetValueOrDefault(m.Lesion)?.Intrahepatic != true) continue;
            if (_equivocal.TryGetValue(m.Lesion, out var first))
            {
                if (m.DiameterMm < TaceCourseBuilder.MeasurableMm) continue;
                _equivocal.Remove(m.Lesion);
                notes.Add($"{m.Lesion}: the equivocal focus first seen on {first.FirstSeen:yyyy-MM-dd} measures {m.DiameterMm} mm now: confirmed as a new intrahepatic lesion (overall mRECIST PD)");
                New(m.Lesion, newHere, first.FirstSeen, first.SessionsBefore, confirmedOn: date, notes);
                continue;
            }
            if (m.DiameterMm < TaceCourseBuilder.MeasurableMm)
            {
                _equivocal[m.Lesion] = (date, sessionsBefore);
                notes.Add($"{m.Lesion}: new {m.DiameterMm} mm focus (< 10 mm) is equivocal: not counted as a new lesion unless confirmed on follow-up");
                continue;
            }
            New(m.Lesion, newHere, date, sessionsBefore, confirmedOn: null, notes);
        }
        return newHere;
    }

    /// <summary>New lesions seen at an earlier exam that are still viable at this one (overall PD while they are).</summary>
    public List<string> StillViable(IReadOnlyDictionary<string, TargetMeasurement> byLesion, IReadOnlyCollection<string> newHere) =>
        _newLesions.Where(l => !newHere.Contains(l) && byLesion.TryGetValue(l, out var m) && m.DiameterMm > 0).ToList();

    private void New(string lesion, List<string> newHere, DateOnly firstSeen, int sessionsBefore, DateOnly? confirmedOn, List<string> notes)
    {
        _known.Add(lesion);
        _newLesions.Add(lesion);
        newHere.Add(lesion);
        if (sessionsBefore is 1 or 2)
        {
            _cciSet.Add(new CciNewLesion(lesion, firstSeen, sessionsBefore, confirmedOn));
            notes.Add($"{lesion}: new intrahepatic lesion after TACE {sessionsBefore}: overall mRECIST PD; it joins the CCI target set with a baseline of 0 mm (the mRECIST targets stay those chosen at baseline)");
        }
        else if (sessionsBefore >= 3)
            notes.Add(Restage(lesion, sessionsBefore));
    }

    /// <summary>Reference §2: a new lesion first seen after a 3rd or later session is not in the CCI set; report it and restage.</summary>
    public static string Restage(string what, int sessionsBefore) =>
        $"{what}: new intrahepatic lesion first seen after TACE {sessionsBefore} (the 3rd or a later session): overall mRECIST PD; not in the CCI target set, so not CCI refractoriness by itself; restage";
}
