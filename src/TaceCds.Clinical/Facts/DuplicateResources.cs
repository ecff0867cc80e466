using System.Text.Json;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// A resource id (<c>Type/id</c>) or fullUrl that appears more than once in one patient's input: a Bundle listing
/// it twice, a patient spread over several files, the same resource under two prefetch keys or on two FHIR search
/// pages. Copies with the same content (<c>meta</c> aside) are one resource, counted once. Copies that differ cannot
/// both be true and nothing says which is: every copy is left out and reported as a conflict.
/// </summary>
internal static class DuplicateResources
{
    public sealed record Outcome(IReadOnlyList<RecordEntry> Entries, IReadOnlyList<ConflictingResource> Conflicts);

    public static Outcome Resolve(IReadOnlyList<RecordEntry> entries, ExtractionContext ctx)
    {
        var groups = Group(entries);
        if (groups.All(g => g.Count == 1)) return new Outcome(entries, []);

        var drop = new HashSet<int>();
        var conflicts = new List<ConflictingResource>();
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            var first = entries[group[0]];
            var name = first.Resource.LocalReference ?? first.FullUrl!;
            var locations = group.Select(i => LocationOf(entries[i], i)).ToList();
            var differences = group.Skip(1).SelectMany(i => Differences(first.Resource, entries[i].Resource)).Distinct(StringComparer.Ordinal).ToList();
            if (differences.Count == 0)
            {
                drop.UnionWith(group.Skip(1));
                ctx.Issue(DataIssueCodes.DuplicateResource, name,
                    $"{name} appears {group.Count} times with the same content ({string.Join("; ", locations)}); counted once", DataIssue.Information);
                continue;
            }
            drop.UnionWith(group);
            var recognised = group.Select(i => entries[i].Resource).OfType<Observation>().Select(o => ObservationExtraction.Recognise(o.Code, ctx.Options.Terminology))
                .OfType<Codes.CatalogEntry>().DistinctBy(e => e.Kind).ToList();
            var conflict = new ConflictingResource
            {
                Reference = name,
                ResourceType = first.Resource.ResourceType,
                Locations = locations,
                Differences = differences,
                Therapies = group.Select(i => entries[i].Resource).OfType<Procedure>().Select(p => ProcedureExtraction.Recognise(p.Code, ctx.Options.Terminology))
                    .OfType<TherapyKind>().Distinct().ToList(),
                Kinds = recognised.Select(e => e.Kind).ToList(),
                Dates = group.Select(i => entries[i].Resource).OfType<Observation>().Select(o => ExtractionContext.StartDay(o.Effective))
                    .OfType<DateOnly>().Distinct().Order().ToList(),
            };
            conflicts.Add(conflict);
            ctx.Summary.Conflicting += group.Count;
            ctx.Issue(DataIssueCodes.ConflictingDuplicate, name,
                $"{name} appears {group.Count} times with different {string.Join(", ", differences)} ({string.Join("; ", locations)}); " +
                "no copy is used, and what depends on it is insufficient data" + Feeds(conflict.Therapies.Select(TherapyFact.Name).Concat(recognised.Select(e => e.Name))));
        }
        return new Outcome(entries.Where((_, i) => !drop.Contains(i)).ToList(), conflicts);
    }

    /// <summary>Where an entry was found, for messages: its source location, else its place in the record.</summary>
    public static string LocationOf(RecordEntry entry, int index) => entry.Location ?? entry.Resource.SourceLocation ?? $"record entry {index}";

    // Entries that share a Type/id or a fullUrl are one group (indexes into entries, in input order).
    private static List<List<int>> Group(IReadOnlyList<RecordEntry> entries)
    {
        var groups = new List<List<int>>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            string?[] keys = [entries[i].Resource.LocalReference, entries[i].FullUrl is { } url ? "fullUrl " + url : null];
            int? group = null;
            foreach (var key in keys)
                if (key is not null && byKey.TryGetValue(key, out var g)) { group = g; break; }
            if (group is null)
            {
                group = groups.Count;
                groups.Add([]);
            }
            groups[group.Value].Add(i);
            foreach (var key in keys)
                if (key is not null) byKey.TryAdd(key, group.Value);
        }
        return groups;
    }

    // The top-level elements whose JSON differs; meta (versionId, lastUpdated, source) says where a copy came from, not what it says.
    private static IEnumerable<string> Differences(Resource a, Resource b)
    {
        if (ReferenceEquals(a, b)) return [];
        var (x, y) = (JsonOf(a), JsonOf(b));
        var names = x.EnumerateObject().Select(p => p.Name).Union(y.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        return names.Where(n => n != "meta" && !(x.TryGetProperty(n, out var u) && y.TryGetProperty(n, out var v) && JsonElement.DeepEquals(u, v))).ToList();
    }

    // A resource built in code has no JSON of its own: what the writer makes of it is its content.
    private static JsonElement JsonOf(Resource r) => r.Json ?? JsonElement.Parse(FhirJsonWriter.Default.WriteToString(r));

    private static string Feeds(IEnumerable<string> names)
    {
        var feeds = names.ToList();
        return feeds.Count == 0 ? "" : $" (it records: {string.Join(", ", feeds)})";
    }
}
