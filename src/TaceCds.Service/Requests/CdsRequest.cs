using System.Text.Json;
using TaceCds.Fhir.Client;

namespace TaceCds.Service.Requests;

/// <summary>
/// A validated CDS Hooks 2.0.1 service request. <see cref="Prefetch"/> keeps the three states apart: a key that is
/// absent (not done), present as JSON null (no data), or present with a resource. The access token lives only inside
/// <see cref="FhirServer"/> and dies with the request.
/// </summary>
public sealed record CdsRequest
{
    public required string Hook { get; init; }
    public required string HookInstance { get; init; }
    /// <summary>The client's FHIR server and bearer token, when it sent <c>fhirServer</c>.</summary>
    public FhirServerAccess? FhirServer { get; init; }
    public required JsonElement Context { get; init; }
    /// <summary>Prefetch values by key; a JSON null value is kept (<see cref="JsonValueKind.Null"/>).</summary>
    public IReadOnlyDictionary<string, JsonElement> Prefetch { get; init; } = new Dictionary<string, JsonElement>();

    public string PatientId => Context.GetProperty("patientId").GetString()!;

    /// <summary>A root-level primitive context value as text, or null when absent or not primitive.</summary>
    public string? ContextValue(string name) =>
        Context.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;
}
