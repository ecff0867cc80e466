using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Terminology;

/// <summary>
/// The value sets the engine recognises codes by, loaded once at start-up (<see cref="TerminologyLoader"/>) and
/// immutable after: Observation kinds (labs by their ValueSet, the rest by project code), TACE sessions and the
/// therapies that end a course, the HCC diagnosis, systemic therapies, intrahepatic lesion locations and the coded
/// answers the calculators interpret. Building it checks that no code names two kinds (TERM104).
/// </summary>
public sealed class EngineTerminology
{
    private static readonly Lazy<EngineTerminology> BuiltInSets = new(() => TerminologyLoader.Load([]));

    private readonly IReadOnlyDictionary<string, LoadedValueSet> _sets;
    private readonly Dictionary<(string System, string Code), CatalogEntry> _observations = new();
    private readonly Dictionary<(string System, string Code), TherapyKind> _procedures = new();
    private readonly Dictionary<FactKind, LoadedValueSet> _answers = new();

    /// <summary>The value sets of fhir-profiles/ as built in, without site files.</summary>
    public static EngineTerminology BuiltIn => BuiltInSets.Value;

    internal EngineTerminology(IReadOnlyDictionary<string, LoadedValueSet> sets)
    {
        _sets = sets;
        var origin = new Dictionary<(string, string), (string ValueSet, ValueSetCode? Code)>();
        foreach (var binding in ObservationCatalog.Kinds)
        {
            if (binding.CodesFrom is { } url)
                foreach (var code in Get(url).Codes)
                    AddObservation(code.System, code.Code, binding.Entry, Get(url).Id, code, origin);
            else
                AddObservation(CodeSystems.TaceCds, binding.Entry.Name, binding.Entry, "tacecds#" + binding.Entry.Name, null, origin);
            if (binding.AnswersFrom is { } answers) _answers[binding.Entry.Kind] = Get(answers);
        }

        foreach (var code in Get(ValueSetUrls.TaceProcedure).Codes)
            _procedures[(code.System, code.Code)] = TherapyKind.Tace;
        var tace = Get(ValueSetUrls.TaceProcedure);
        foreach (var code in Get(ValueSetUrls.CourseEndingTherapy).Codes)
        {
            // A fixed set of project codes, each the name of its kind (TherapyFact.Name).
            var kind = Enum.GetValues<TherapyKind>().FirstOrDefault(k => k != TherapyKind.Tace && TherapyFact.Name(k) == code.Code);
            if (code.System != CodeSystems.TaceCds || kind == TherapyKind.Tace)
                throw new TerminologyException(TerminologyErrorCodes.UnsupportedCompose, code.File, code.Location,
                    $"{code.System}#{code.Code} names no course-ending therapy the engine knows ({string.Join(", ", Enum.GetValues<TherapyKind>().Skip(1).Select(TherapyFact.Name))})");
            if (tace.Contains(code.System, code.Code))
                throw TwoKinds(code, "tace-procedure", "course-ending-therapy");
            _procedures[(code.System, code.Code)] = kind;
        }
        SystemicTherapy = Get(ValueSetUrls.SystemicTherapy);
        HccDiagnosis = Get(ValueSetUrls.HccDiagnosis);
        LiverLocation = Get(ValueSetUrls.LiverLocation);
        TaceProcedure = tace;
    }

    public IReadOnlyCollection<LoadedValueSet> ValueSets => [.. _sets.Values];

    public LoadedValueSet TaceProcedure { get; }
    public LoadedValueSet SystemicTherapy { get; }
    public LoadedValueSet HccDiagnosis { get; }
    public LoadedValueSet LiverLocation { get; }

    public LoadedValueSet Get(string url) =>
        _sets.TryGetValue(url, out var set) ? set : throw new InvalidOperationException($"the built-in value set {url} is missing from the assembly");

    public CatalogEntry? FindObservation(string? system, string? code) =>
        system is null || code is null ? null : _observations.GetValueOrDefault((system, code));

    public TherapyKind? FindProcedure(string? system, string? code) =>
        system is not null && code is not null && _procedures.TryGetValue((system, code), out var kind) ? kind : null;

    /// <summary>The answers the engine interprets for a coded kind (ascites grades, mRECIST categories…).</summary>
    public LoadedValueSet AnswersFor(FactKind kind) => _answers[kind];

    private void AddObservation(string system, string code, CatalogEntry entry, string from,
        ValueSetCode? written, Dictionary<(string, string), (string ValueSet, ValueSetCode? Code)> origin)
    {
        if (_observations.TryGetValue((system, code), out var existing) && existing.Kind != entry.Kind)
        {
            var first = origin[(system, code)];
            // Name the site file that made the clash, not the built-in file it clashes with.
            var culprit = written is null || (IsBuiltIn(written) && first.Code is { } other && !IsBuiltIn(other)) ? first.Code! : written;
            throw TwoKinds(culprit, first.ValueSet, from);
        }
        _observations[(system, code)] = entry;
        origin.TryAdd((system, code), (from, written));
    }

    private static bool IsBuiltIn(ValueSetCode code) => code.File.EndsWith(TerminologyLoader.BuiltInSuffix, StringComparison.Ordinal);

    private static TerminologyException TwoKinds(ValueSetCode code, string first, string second) =>
        new(TerminologyErrorCodes.CodeInTwoKinds, code.File, code.Location,
            $"{code.System}#{code.Code} is in {first} and in {second}: a code names one kind of fact, so it must be in one of them only");
}
