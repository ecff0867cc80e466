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
