namespace TaceCds.Fhir.Model;

public sealed class Bundle : Resource
{
    public override string ResourceType => "Bundle";
    /// <summary>document | message | transaction | transaction-response | batch | batch-response | history | searchset | collection.
    /// May be absent in CDS Hooks <c>draftOrders</c> sent by some clients.</summary>
    public string? Type { get; init; }
    public FhirDateTime? Timestamp { get; init; }
    public int? Total { get; init; }
    public IReadOnlyList<BundleLink> Link { get; init; } = [];
    public IReadOnlyList<BundleEntry> Entry { get; init; } = [];

    public IEnumerable<Resource> Resources => Entry.Select(e => e.Resource).OfType<Resource>();
    public string? NextLink => Link.FirstOrDefault(l => l.Relation == "next")?.Url;
}

public sealed class BundleLink
{
    public string? Relation { get; init; }
    public string? Url { get; init; }
}

public sealed class BundleEntry
{
    public string? FullUrl { get; init; }
    public Resource? Resource { get; init; }
    /// <summary>search.mode: match | include | outcome.</summary>
    public string? SearchMode { get; init; }
    public BundleEntryRequest? Request { get; init; }
    public BundleEntryResponse? Response { get; init; }
}

public sealed class BundleEntryRequest
{
    public required string Method { get; init; }
    public required string Url { get; init; }
    /// <summary>Conditional create: a search query (without '?'); when it matches one resource, nothing is created.</summary>
    public string? IfNoneExist { get; init; }
}

public sealed class BundleEntryResponse
{
    public string? Status { get; init; }
    public string? Location { get; init; }
}
