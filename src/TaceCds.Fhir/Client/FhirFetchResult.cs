using TaceCds.Fhir.Data;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Client;

/// <summary>What one read or search brought back, every page merged.</summary>
public sealed class FhirFetchResult
{
    /// <summary>The resource read, or the search matches and includes of every page, in server order.</summary>
    public required IReadOnlyList<Resource> Resources { get; init; }

    /// <summary>OperationOutcomes the server returned inside a searchset (<c>search.mode = outcome</c>) or as the body.</summary>
    public IReadOnlyList<OperationOutcome> Outcomes { get; init; } = [];

    /// <summary>Entries that could not be read as FHIR (each located by page and entry).</summary>
    public IReadOnlyList<ReadIssue> Issues { get; init; } = [];

    /// <summary>Responses read (1 for a read, the page count for a search).</summary>
    public int Pages { get; init; }

    /// <summary>The server answered 404 or 410: there is no such resource.</summary>
    public bool NotFound { get; init; }
}
