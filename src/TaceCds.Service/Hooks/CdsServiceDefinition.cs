namespace TaceCds.Service.Hooks;

/// <summary>One discovery entry: a service id on one hook, with its prefetch templates (key → relative FHIR URL).</summary>
public sealed record CdsServiceDefinition(string Id, string Hook, string Title, string Description, IReadOnlyDictionary<string, string> Prefetch);
