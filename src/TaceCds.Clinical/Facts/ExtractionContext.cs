using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Facts;

/// <summary>The state one extraction run shares between the per-resource extractors.</summary>
internal sealed class ExtractionContext(string patientReference, DateOnly asOf, ExtractionOptions options, ReferenceResolver resolver)
{
    public string PatientReference { get; } = patientReference;
    public DateOnly AsOf { get; } = asOf;
    public ExtractionOptions Options { get; } = options;
    public ReferenceResolver References { get; } = resolver;
    public List<DataIssue> Issues { get; } = [];
    public InputSummary Summary { get; } = new();
    private readonly HashSet<string> _withIssues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _unknownProcedureCodes = new(StringComparer.Ordinal);

    /// <summary>
    /// Remembers a Procedure of this patient whose code the engine does not know (reported once per code by
    /// <see cref="ReportUnknownProcedureCodes"/>): a site's local TACE code not yet in its terminology must not
    /// vanish silently, since it would make a course look empty.
    /// </summary>
    public void NoteUnknownProcedureCode(Procedure procedure)
    {
        if (References.Resolve(procedure.Subject?.ReferenceValue) != PatientReference) return;
        var codings = procedure.Code?.Coding.Where(c => c.Code is not null).Select(c => $"{c.System ?? "(no system)"}#{c.Code}").ToList() ?? [];
        var key = codings.Count > 0 ? string.Join(" / ", codings) : $"(no code{(procedure.Code?.Text is { } text ? $", text '{text}'" : "")})";
        if (!_unknownProcedureCodes.TryGetValue(key, out var sources)) _unknownProcedureCodes[key] = sources = [];
        sources.Add(SourceOf(procedure));
    }

    public void ReportUnknownProcedureCodes()
    {
        foreach (var (code, sources) in _unknownProcedureCodes.OrderBy(u => u.Key, StringComparer.Ordinal))
            Issue(DataIssueCodes.UnknownProcedureCode, sources[0],
                $"Procedure code {code} is in no value set the engine reads (tace-procedure, course-ending-therapy): " +
                $"{sources.Count} Procedure(s) not counted as a TACE session or a therapy ending a course ({string.Join(", ", sources.Take(5))}{(sources.Count > 5 ? ", …" : "")}). " +
                "A local TACE code is added with a site ValueSet (--terminology, TaceCds:Terminology:Paths)", DataIssue.Information);
    }

    public void Issue(string code, Resource resource, string message, string severity = DataIssue.Warning) =>
        Issue(code, SourceOf(resource), message, severity);

    public void Issue(string code, string? source, string message, string severity = DataIssue.Warning)
    {
        Issues.Add(new DataIssue(code, source, message, severity));
        if (source is not null && _withIssues.Add(source)) Summary.WithIssues++;
    }

    /// <summary>Is the resource about our patient? Counts it when it is about another one.</summary>
    public bool IsOurs(Resource resource, Reference? subject)
    {
        var target = References.Resolve(subject?.ReferenceValue);
        if (target is null)
        {
            Issue("missing-subject", resource, $"{resource.ResourceType} has no subject/patient reference: not attributed to the patient, not used");
            return false;
        }
        if (target == PatientReference) return true;
        Summary.OtherPatients++;
        return false;
    }

    public bool WithinAsOf(DateOnly date)
    {
        if (date <= AsOf) return true;
        Summary.AfterAsOf++;
        return false;
    }

    public static string SourceOf(Resource resource) => resource.LocalReference ?? $"{resource.ResourceType}/(no id)";

    public static DateOnly? StartDay(Element? when) => when switch
    {
        FhirDateTimeValue dt => dt.Value.Date,
        Period p => p.Start?.Date,
        _ => null,
    };

    public static string? StartText(Element? when) => when switch
    {
        FhirDateTimeValue dt => dt.Value.Value,
        Period p => p.Start?.Value,
        _ => null,
    };
}
