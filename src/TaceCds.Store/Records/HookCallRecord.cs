namespace TaceCds.Store.Records;

/// <summary>
/// One CDS Hooks call as the audit trail keeps it: who called, about which patient, what we answered.
/// Deliberately has no field for the Authorization header, the JWT or fhirAuthorization.access_token:
/// those never reach the store.
/// </summary>
public sealed record HookCallRecord
{
    /// <summary>Assigned by the store.</summary>
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string ServiceId { get; init; }
    public required string Hook { get; init; }
    public required string HookInstance { get; init; }
    /// <summary>The verified JWT's iss (null when authentication is off, e.g. demo mode).</summary>
    public string? ClientIssuer { get; init; }
    public string? Tenant { get; init; }
    public string? PatientId { get; init; }
    /// <summary>HTTP status answered: 200 with cards, 412 missing data, 400 bad request, …</summary>
    public required int HttpStatus { get; init; }
    public long? DurationMs { get; init; }
    public IReadOnlyList<AuditCard> Cards { get; init; } = [];
}
