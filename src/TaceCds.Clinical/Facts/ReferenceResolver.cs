using System.Text.RegularExpressions;

namespace TaceCds.Clinical.Facts;

/// <summary>
/// Turns the references found in a record (<c>Type/id</c>, absolute URLs, <c>urn:uuid:</c> fullUrls) into one
/// canonical <c>Type/id</c> key, so that a reference matches its target however it was written.
/// </summary>
public sealed partial class ReferenceResolver
{
    private readonly Dictionary<string, string> _byFullUrl = new(StringComparer.Ordinal);

    public void AddFullUrl(string fullUrl, string localReference) => _byFullUrl[fullUrl] = localReference;

    public string? Resolve(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        if (_byFullUrl.TryGetValue(reference, out var local)) return local;
        var m = TypeAndId().Match(reference);
        return m.Success ? $"{m.Groups[1].Value}/{m.Groups[2].Value}" : reference;
    }

    // [base/]Type/id[/_history/version] — FHIR R4 references.html#literal.
    [GeneratedRegex(@"(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\-\.]{1,64})(?:/_history/[^/]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeAndId();
}
