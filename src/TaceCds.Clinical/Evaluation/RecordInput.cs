using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Evaluation;

/// <summary>One patient's input to the engine, from a Bundle file or any <see cref="IFhirDataSource"/>.</summary>
public sealed record RecordInput(Patient Patient, IReadOnlyList<RecordEntry> Entries, IReadOnlyList<DataIssue> ReadIssues)
{
    /// <summary>The patients of a Bundle, each with every entry of the Bundle (other patients' are counted, not used).</summary>
    public static IReadOnlyList<RecordInput> FromBundle(Bundle bundle)
    {
        var entries = bundle.Entry.Select((e, i) => (e, i)).Where(x => x.e.Resource is not null)
            .Select(x => new RecordEntry(x.e.Resource!, x.e.FullUrl, x.e.Resource!.SourceLocation ?? $"Bundle.entry[{x.i}]")).ToList();
        // Elements of the Bundle itself that were left out, and entries whose resource could not be read at all.
        var issues = bundle.DroppedElements.Select(d => new DataIssue(d.Code, null, $"{d.Location}: {d.Detail}; left out", DataIssue.Error)).ToList();
        return entries.Select(e => e.Resource).OfType<Patient>().Where(p => p.Id is not null)
            .Select(p => new RecordInput(p, entries, issues)).ToList();
    }

    /// <summary>A record from a data source; resources it could not read become data issues.</summary>
    public static RecordInput? FromRecord(PatientRecord record)
    {
        if (record.Patient is null) return null;
        var issues = record.Issues.Select(i => new DataIssue(i.Code, i.Location, i.Message, DataIssue.Error)).ToList();
        return new RecordInput(record.Patient, record.Resources.Select(r => new RecordEntry(r)).ToList(), issues);
    }

    public ClinicalEvaluation Evaluate(DateOnly asOf, ExtractionOptions? options = null, RecencyOptions? recency = null)
    {
        var evaluation = ClinicalEvaluation.Evaluate(Patient, Entries, asOf, options, recency);
        return ReadIssues.Count == 0 ? evaluation : evaluation with { DataIssues = [.. ReadIssues, .. evaluation.DataIssues] };
    }

    /// <summary>
    /// Reads a Bundle file; a file that is not valid FHIR JSON or not a Bundle throws <see cref="FhirFormatException"/>.
    /// An element that cannot be read is left out with a data issue and the rest is evaluated (an entry whose
    /// resource cannot be read at all is left out the same way); <paramref name="strict"/> refuses the whole file instead.
    /// </summary>
    public static IReadOnlyList<RecordInput> FromBundleFile(string path, bool strict = false) =>
        FromBundle((strict ? FhirJsonParser.Default : FhirJsonParser.Recovering).ParseFile<Bundle>(path));
}
