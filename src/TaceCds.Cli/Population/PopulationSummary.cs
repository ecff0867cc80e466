using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Ndjson;
using TaceCds.Report.Model;

namespace TaceCds.Cli.Population;

/// <summary>
/// What a population run did: patients evaluated, what was skipped and why, data issues in the results by severity,
/// and the status counts of each definition. Printed at the end of <c>evaluate --ndjson</c> and written next to
/// <c>--out</c> as <c>.summary.json</c>, so the merge step of a partitioned run can add the partitions up.
/// </summary>
public sealed class PopulationSummary(PatientPartition partition)
{
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _statuses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _issuesBySeverity = new(StringComparer.Ordinal);
    private readonly HashSet<string> _orphanPatients = new(StringComparer.Ordinal);

    public int Patients { get; private set; }
    public int OrphanResources { get; private set; }
    public int OrphanPatients => _orphanPatients.Count;
    /// <summary>Lines assigned to no patient: malformed, too long, or without a patient reference.</summary>
    public int UnassignedLines { get; private set; }

    /// <summary>Lines or resources that were reported and not evaluated.</summary>
    public int Skipped => OrphanResources + UnassignedLines;

    public void AddResult(JsonObject result)
    {
        Patients++;
        foreach (var issue in result["dataIssues"].Objects())
            Increment(_issuesBySeverity, issue["severity"].Str() ?? "unknown");
        foreach (var (id, definition) in result["definitions"].Members())
        {
            if (!_statuses.TryGetValue(id, out var counts)) _statuses[id] = counts = new(StringComparer.Ordinal);
            Increment(counts, definition.At("status").Str() ?? "unknown");
        }
    }

    public void AddOrphan(string patientId, IEnumerable<ReadIssue> issues)
    {
        _orphanPatients.Add(patientId);
        OrphanResources += issues.Count(i => i.Code == DataIssueCodes.OrphanResource);
    }

    public void AddUnassigned() => UnassignedLines++;

    public int StatusCount(string definition, string status) =>
        _statuses.TryGetValue(definition, out var counts) ? counts.GetValueOrDefault(status) : 0;

    public JsonObject ToJson() => new()
    {
        ["partition"] = partition.ToString(),
        ["patients"] = Patients,
        ["orphanPatients"] = OrphanPatients,
        ["orphanResources"] = OrphanResources,
        ["unassignedLines"] = UnassignedLines,
        ["dataIssues"] = new JsonObject(_issuesBySeverity.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["definitions"] = new JsonObject(_statuses.Select(d => KeyValuePair.Create(d.Key,
            (JsonNode?)new JsonObject(d.Value.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value)))))),
    };

    /// <summary>A few lines for a person; <paramref name="elapsed"/> adds the rate.</summary>
    public string Render(TimeSpan? elapsed = null)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"summary: {Patients} patient(s) evaluated");
        if (partition.Count > 1) text.Append(c, $" (partition {partition})");
        if (elapsed is { TotalSeconds: > 0 } e) text.Append(c, $" in {e.TotalSeconds:0.0} s, {Patients / e.TotalSeconds:0.0} patients/s");
        text.AppendLine();
        text.AppendLine(c, $"  skipped: {OrphanResources} resource(s) of {OrphanPatients} patient(s) not in the export (DATA203), {UnassignedLines} line(s) assigned to no patient");
        text.AppendLine("  data issues in the results: " + (_issuesBySeverity.Count == 0 ? "none" : string.Join(", ", _issuesBySeverity.Select(p => $"{p.Value} {p.Key}"))));
        foreach (var (id, counts) in _statuses)
            text.AppendLine($"  {id}: {string.Join(", ", counts.Select(p => $"{p.Value} {p.Key}"))}");
        return text.ToString().TrimEnd();
    }

    private static void Increment(IDictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
