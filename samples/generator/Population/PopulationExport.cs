using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaceCds.SampleGenerator.Scenarios;

namespace TaceCds.SampleGenerator.Population;

/// <summary>
/// A synthetic population as a FHIR Bulk Data export: one NDJSON file per resource type (<c>Patient.ndjson</c>,
/// <c>Observation.ndjson</c>, …), for population runs and their scale figures. Patient i is a copy of a scenario drawn
/// with a seeded <see cref="Random"/>, renamed <c>pop{seed}-{i}</c> (every id and reference), with all its dates moved
/// back by a drawn 0–540 days, so the same courses end up at different points of their timeline as of the scenarios'
/// evaluation date: due for assessment, refractory, responding, history. Same N and seed, same bytes.
/// </summary>
public static partial class PopulationExport
{
    /// <summary>The most a patient's chart is moved back, in days.</summary>
    private const int MaxShiftDays = 540;

    public static IReadOnlyDictionary<string, int> Write(string folder, int patients, int seed)
    {
        Directory.CreateDirectory(folder);
        var scenarios = ScenarioCatalog.All().Select(s => (s.Id, Bundle: s.ToBundle())).ToList();
        var random = new Random(seed);
        var writers = new SortedDictionary<string, StreamWriter>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < patients; i++)
            {
                var (scenarioId, bundle) = scenarios[random.Next(scenarios.Count)];
                var shift = random.Next(MaxShiftDays + 1);
                var id = $"pop{seed.ToString(CultureInfo.InvariantCulture)}-{i.ToString("D6", CultureInfo.InvariantCulture)}";
                foreach (var entry in bundle["entry"]!.AsArray())
                {
                    var resource = Rewrite(entry!["resource"]!.DeepClone(), scenarioId, id, shift)!.AsObject();
                    var type = (string)resource["resourceType"]!;
                    if (!writers.TryGetValue(type, out var writer))
                    {
                        writers[type] = writer = new StreamWriter(Path.Combine(folder, type + ".ndjson"), false, new UTF8Encoding(false)) { NewLine = "\n" };
                        counts[type] = 0;
                    }
                    writer.WriteLine(resource.ToJsonString(Compact));
                    counts[type]++;
                }
            }
        }
        finally
        {
            foreach (var writer in writers.Values) writer.Dispose();
        }
        return counts;
    }

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Every string: the scenario's id becomes the new id where it is an id or an id prefix (p02, p02-tace-1,
    // Patient/p02, https://…/Procedure/p02-tace-1); dates and dateTimes move back by the shift.
    private static JsonNode? Rewrite(JsonNode? node, string from, string to, int shiftDays)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList()) o[key] = Rewrite(o[key], from, to, shiftDays);
                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++) a[i] = Rewrite(a[i]?.DeepClone(), from, to, shiftDays);
                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                return JsonValue.Create(Shift(IdPattern(from).Replace(text, to), shiftDays));
            default:
                return node;
        }
    }

    private static readonly Dictionary<string, Regex> IdPatterns = [];

    private static Regex IdPattern(string id)
    {
        if (!IdPatterns.TryGetValue(id, out var pattern))
            IdPatterns[id] = pattern = new Regex($"(?<=^|/){Regex.Escape(id)}(?=$|-|/)", RegexOptions.CultureInvariant);
        return pattern;
    }

    private static string Shift(string text, int days)
    {
        var m = DatePrefix().Match(text);
        if (!m.Success) return text;
        var day = DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-days);
        return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + text[m.Length..];
    }

    // A FHIR date or dateTime with a full day (datatypes.html#dateTime); partial dates (2024, 2024-05) are left alone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?=$|T)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();
}
