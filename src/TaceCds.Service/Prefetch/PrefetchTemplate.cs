using System.Text.RegularExpressions;
using TaceCds.Service.Requests;

namespace TaceCds.Service.Prefetch;

/// <summary>
/// Fills a prefetch template's tokens from the request (CDS Hooks 2.0.1 §"Prefetch tokens"): <c>{{context.x}}</c> for
/// a root-level primitive context field, and the <c>{{userPractitionerId}}</c>-style user tokens derived from
/// <c>context.userId</c>. Values are URL-escaped. A token that cannot be filled makes the template unusable (null).
/// </summary>
public static partial class PrefetchTemplate
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z.]+)\s*\}\}")]
    private static partial Regex Token();

    private static readonly Dictionary<string, string> UserTokens = new(StringComparer.Ordinal)
    {
        ["userPractitionerId"] = "Practitioner",
        ["userPractitionerRoleId"] = "PractitionerRole",
        ["userPatientId"] = "Patient",
        ["userRelatedPersonId"] = "RelatedPerson",
    };

    public static string? Fill(string template, CdsRequest request)
    {
        var unresolved = false;
        var filled = Token().Replace(template, match =>
        {
            var value = Resolve(match.Groups[1].Value, request);
            if (value is null) unresolved = true;
            return Uri.EscapeDataString(value ?? "");
        });
        return unresolved ? null : filled;
    }

    /// <summary>The resource type a template reads or searches (<c>Observation?patient=…</c> → Observation).</summary>
    public static string ResourceType(string template) => template.Split('/', '?')[0];

    private static string? Resolve(string token, CdsRequest request)
    {
        if (token.StartsWith("context.", StringComparison.Ordinal))
        {
            var name = token["context.".Length..];
            return name.Contains('.') ? null : request.ContextValue(name);
        }
        if (UserTokens.TryGetValue(token, out var type) && request.ContextValue("userId") is { } userId)
        {
            var slash = userId.IndexOf('/');
            return slash > 0 && userId[..slash] == type ? userId[(slash + 1)..] : null;
        }
        return null;
    }
}
