using System.Diagnostics;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// The names of the service's meter and activity source. Tag values are bounded, non-identifying vocabularies
/// (service id, hook, HTTP status, card indicator, rule id, FHIR resource type): never a patient id, a hookInstance,
/// a URL with a query, or a token.
/// </summary>
public static class CdsTelemetry
{
    public const string Name = "TaceCds.Service";

    /// <summary>Spans of a hook call: <c>cds.hook_call</c> → <c>cds.gather_data</c> → <c>fhir.read</c>…, <c>cds.evaluate</c>, <c>audit.enqueue</c>; <c>store.write</c> behind it.</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>A known hook name, else <c>other</c>: the tag must not echo what a client sent.</summary>
    public static string HookTag(string? hook) => hook is Hooks.HookDefinitions.PatientView or Hooks.HookDefinitions.OrderSelect or Hooks.HookDefinitions.OrderSign
        ? hook
        : "other";
}
