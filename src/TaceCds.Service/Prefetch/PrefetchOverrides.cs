using System.Text.RegularExpressions;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Prefetch;

/// <summary>
/// Site-specific prefetch templates (<c>TaceCds:Prefetch:&lt;serviceId&gt;:&lt;key&gt;</c>, docs/configuration.md "Prefetch
/// overrides"): each replaces the template of an existing key, in discovery and in the fetch fallback alike, so what a
/// client prefetches and what the service reads itself stay the same query. Validated when the service starts: an
/// unknown service or key, a template that is not a relative read/search of the same resource type, or a token CDS Hooks
/// 2.0.1 does not allow refuses start-up with a CDS4xx code.
/// </summary>
public sealed partial class PrefetchOverrides
{
    public const string Section = "TaceCds:Prefetch";

    // A prefetch token's content, as PrefetchTemplate.Fill reads it.
    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    private static partial Regex Token();

    // Type/… or Type?… — a relative read or search (CDS Hooks 2.0.1 §"Prefetch Template").
    [GeneratedRegex(@"^[A-Z][A-Za-z]+([/?].*)?$")]
    private static partial Regex RelativeRequest();

    private static readonly HashSet<string> UserTokens = new(StringComparer.Ordinal)
    {
        "userPractitionerId", "userPractitionerRoleId", "userPatientId", "userRelatedPersonId",
    };

    // service id → key → template
    private readonly Dictionary<string, Dictionary<string, string>> _byService = new(StringComparer.Ordinal);

    /// <summary>No overrides: every service keeps its own templates.</summary>
    public static PrefetchOverrides None { get; } = new();

    /// <summary>The overrides in configuration, validated against <paramref name="services"/>; throws <see cref="StartupRefusedException"/>.</summary>
    public static PrefetchOverrides From(IConfiguration configuration, IReadOnlyList<CdsServiceDefinition> services)
    {
        var overrides = new PrefetchOverrides();
        foreach (var service in configuration.GetSection(Section).GetChildren())
        {
            var entries = services.Where(s => s.Id == service.Key).ToList();
            if (entries.Count == 0)
                throw Refuse(CdsErrorCodes.PrefetchUnknownService, $"{Section}:{service.Key}",
                    $"no service '{service.Key}'; the services are {string.Join(", ", services.Select(s => s.Id).Distinct())}");
            foreach (var key in service.GetChildren())
            {
                var where = $"{Section}:{service.Key}:{key.Key}";
                var template = key.Value?.Trim();
                if (!entries[0].Prefetch.TryGetValue(key.Key, out var replaced))
                    throw Refuse(CdsErrorCodes.PrefetchUnknownKey, where,
                        $"service '{service.Key}' has no prefetch key '{key.Key}'; its keys are {string.Join(", ", entries[0].Prefetch.Keys)}");
                if (string.IsNullOrEmpty(template))
                    throw Refuse(CdsErrorCodes.PrefetchMalformedTemplate, where, "the template is empty");
                Validate(template, replaced, entries, where);
                overrides._byService.TryAdd(service.Key, new Dictionary<string, string>(StringComparer.Ordinal));
                overrides._byService[service.Key][key.Key] = template;
            }
        }
        return overrides;
    }

    /// <summary>The templates a service uses and announces: its own, with this site's overrides in place.</summary>
    public IReadOnlyDictionary<string, string> For(CdsServiceDefinition service)
    {
        if (!_byService.TryGetValue(service.Id, out var replaced)) return service.Prefetch;
        // Keys keep the service's order, so discovery lists them as before.
        return service.Prefetch.ToDictionary(p => p.Key, p => replaced.GetValueOrDefault(p.Key, p.Value), StringComparer.Ordinal);
    }

    private static void Validate(string template, string replaced, IReadOnlyList<CdsServiceDefinition> entries, string where)
    {
        if (!RelativeRequest().IsMatch(template))
            throw Refuse(CdsErrorCodes.PrefetchMalformedTemplate, where,
                $"'{template}' is not a relative FHIR read or search (Type/id or Type?parameters, e.g. {replaced})");
        var type = PrefetchTemplate.ResourceType(template);
        if (type != PrefetchTemplate.ResourceType(replaced))
            throw Refuse(CdsErrorCodes.PrefetchMalformedTemplate, where,
                $"'{template}' reads {type}, but the key holds {PrefetchTemplate.ResourceType(replaced)} resources (the default is {replaced})");
        var withoutTokens = Token().Replace(template, "");
        if (withoutTokens.Contains("{{", StringComparison.Ordinal) || withoutTokens.Contains("}}", StringComparison.Ordinal))
            throw Refuse(CdsErrorCodes.PrefetchMalformedTemplate, where, $"'{template}' has a '{{{{' or '}}}}' that does not delimit a token");
        foreach (Match token in Token().Matches(template))
        {
            var name = token.Groups[1].Value;
            if (UserTokens.Contains(name)) continue;
            if (!name.StartsWith("context.", StringComparison.Ordinal))
                throw Refuse(CdsErrorCodes.PrefetchTokenNotAllowed, where,
                    $"token {{{{{name}}}}} is neither context.<field> nor one of {string.Join(", ", UserTokens)}");
            var field = name["context.".Length..];
            // Every hook the service answers must have it, as a root-level primitive (CDS Hooks 2.0.1 §"Prefetch tokens").
            foreach (var hook in entries.Select(e => e.Hook))
            {
                var known = HookDefinitions.ContextOf(hook).FirstOrDefault(f => f.Name == field);
                if (known is null || known.Kind is not (ContextFieldKind.FhirId or ContextFieldKind.Reference))
                    throw Refuse(CdsErrorCodes.PrefetchTokenNotAllowed, where,
                        $"token {{{{{name}}}}} is not a root-level primitive context field of {hook} " +
                        $"(allowed: {string.Join(", ", HookDefinitions.ContextOf(hook).Where(f => f.Kind is ContextFieldKind.FhirId or ContextFieldKind.Reference).Select(f => "context." + f.Name))})");
            }
        }
    }

    private static StartupRefusedException Refuse(string code, string where, string message) => new($"{code} {where}: {message}");
}
