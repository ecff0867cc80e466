using System.Text.Json;

namespace TaceCds.Fhir.Model;

/// <summary>
/// A FHIR resource. <see cref="Json"/> keeps the resource exactly as it was read, so elements we do not model are
/// kept (FHIRPath evaluates over it) and nothing is lost when a resource is passed on.
/// </summary>
public abstract class Resource
{
    public abstract string ResourceType { get; }
    public string? Id { get; init; }
    public Meta? Meta { get; init; }
    /// <summary>The resource as read (null for resources built in code).</summary>
    public JsonElement? Json { get; init; }

    /// <summary>Elements left out because they could not be read (<see cref="Json.FhirJsonParserOptions.DropBadElements"/>);
    /// what they would have said is unknown. For a Bundle, also entries whose resource could not be read.</summary>
    public IReadOnlyList<Json.DroppedElement> DroppedElements { get; internal set; } = [];

    /// <summary>Where the resource was read (<c>file: Bundle.entry[3]</c>, <c>file:line</c>, <c>prefetch.key</c>, a FHIR
    /// search page), for data issues about it; null for resources built in code.</summary>
    public string? SourceLocation { get; internal set; }

    /// <summary><c>Type/id</c>, the form references to this resource take (null without an id).</summary>
    public string? LocalReference => Id is null ? null : $"{ResourceType}/{Id}";
}

public abstract class DomainResource : Resource
{
    public IReadOnlyList<Extension> Extensions { get; init; } = [];
    public IReadOnlyList<Extension> ModifierExtensions { get; init; } = [];

    public Extension? FindExtension(string url) => Extensions.FirstOrDefault(e => e.Url == url);
}

/// <summary>A valid R4 resource type we do not model: kept whole in <see cref="Resource.Json"/>.</summary>
public sealed class OtherResource(string resourceType) : DomainResource
{
    public override string ResourceType { get; } = resourceType;
}
