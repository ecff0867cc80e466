using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;

namespace TaceCds.Validation;

/// <summary>
/// Keeps R4's meaning of a ValueSet include that imports several ValueSets. FHIR R4 (4.0.1) defines
/// <c>ValueSet.compose.include.valueSet</c>: "If multiple value sets are specified this includes the union of the
/// contents of all of the referenced value sets"; R5 changed it to the intersection, and Firely's expander applies
/// the intersection to R4 content too — so <c>lab-observation</c> (one include importing the eleven per-kind lab
/// ValueSets) expanded to no LOINC code at all and every lab failed its profile. Splitting such an include into one
/// include per imported ValueSet means the union under both readings; content is otherwise unchanged. An include
/// that also names a system, concepts or filters is left alone (there R4 means "in both").
/// </summary>
public sealed class R4ValueSetImports(IAsyncResourceResolver inner) : IAsyncResourceResolver
{
    public async Task<Resource?> ResolveByCanonicalUriAsync(string uri) => (await TryResolveByCanonicalUriAsync(uri).ConfigureAwait(false)).Value;

    public async Task<Resource?> ResolveByUriAsync(string uri) => (await TryResolveByUriAsync(uri).ConfigureAwait(false)).Value;

    public async Task<ResolverResult> TryResolveByCanonicalUriAsync(string uri) => Normalize(await inner.TryResolveByCanonicalUriAsync(uri).ConfigureAwait(false));

    public async Task<ResolverResult> TryResolveByUriAsync(string uri) => Normalize(await inner.TryResolveByUriAsync(uri).ConfigureAwait(false));

    private static ResolverResult Normalize(ResolverResult result)
    {
        if (result.Success) Normalize(result.Value);
        return result;
    }

    /// <summary>Rewrites, in place, every include of <paramref name="resource"/> (when a ValueSet) that imports several ValueSets alone.</summary>
    public static Resource? Normalize(Resource? resource)
    {
        if (resource is not ValueSet { Compose: { } compose }) return resource;
        compose.Include = Split(compose.Include);
        compose.Exclude = Split(compose.Exclude);
        return resource;
    }

    private static List<ValueSet.ConceptSetComponent> Split(List<ValueSet.ConceptSetComponent> sets)
    {
        if (!sets.Any(ImportsSeveralAlone)) return sets;
        var result = new List<ValueSet.ConceptSetComponent>();
        foreach (var set in sets)
        {
            if (!ImportsSeveralAlone(set)) { result.Add(set); continue; }
            result.AddRange(set.ValueSet.Select(v => new ValueSet.ConceptSetComponent { ValueSet = [v] }));
        }
        return result;
    }

    private static bool ImportsSeveralAlone(ValueSet.ConceptSetComponent set) =>
        set.ValueSet.Count() > 1 && set.System is null && set.Concept.Count == 0 && set.Filter.Count == 0;
}
