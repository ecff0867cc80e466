namespace TaceCds.Fhir.Client;

/// <summary>
/// A FHIR REST pull that failed. <see cref="Code"/> is stable (<see cref="FhirClientErrorCodes"/>); the message names
/// the request path, never the access token or the response body.
/// </summary>
public sealed class FhirClientException(string code, string requestPath, string detail, int? status = null, Exception? inner = null)
    : Exception($"{code}: GET {requestPath}: {detail}", inner)
{
    public string Code { get; } = code;
    /// <summary>The relative URL asked for (no query secrets are expected in FHIR search URLs).</summary>
    public string RequestPath { get; } = requestPath;
    public string Detail { get; } = detail;
    /// <summary>The last HTTP status, when the server answered.</summary>
    public int? Status { get; } = status;
}
