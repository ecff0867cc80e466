namespace TaceCds.Fhir.Client;

/// <summary>Stable codes of <see cref="FhirClientException"/>; tests and callers match on these, never on messages.</summary>
public static class FhirClientErrorCodes
{
    /// <summary>The request or the whole pull ran out of time.</summary>
    public const string Timeout = "FC101";
    /// <summary>The server answered an error status (after retries for 5xx/429).</summary>
    public const string ErrorStatus = "FC102";
    /// <summary>The response body is larger than <see cref="FhirClientOptions.MaxResponseBytes"/>.</summary>
    public const string ResponseTooLarge = "FC103";
    /// <summary>A search has more pages than <see cref="FhirClientOptions.MaxPages"/>.</summary>
    public const string TooManyPages = "FC104";
    /// <summary>The body is not FHIR JSON of the expected kind (not JSON, no resourceType, not a Bundle for a search).</summary>
    public const string InvalidResponse = "FC105";
    /// <summary>A <c>next</c> link points outside the FHIR server's base URL; the token is not sent there.</summary>
    public const string ForeignLink = "FC106";
    /// <summary>The server could not be reached (connection refused, DNS, TLS).</summary>
    public const string Unreachable = "FC107";
    /// <summary>
    /// The server's address may not be contacted (<see cref="AddressPolicy"/>): link-local or cloud-metadata, or a private
    /// or loopback address not allowlisted. Refused at connect time, after DNS, before any socket is opened.
    /// </summary>
    public const string AddressRefused = "FC108";
    /// <summary>The server answered a redirect (3xx). Redirects are never followed: the token and the trust stay with <c>fhirServer</c>.</summary>
    public const string Redirect = "FC109";
    /// <summary>The call's byte budget across every page and key (<see cref="FhirClientOptions.MaxCallBytes"/>) is spent.</summary>
    public const string CallBudgetExceeded = "FC110";
}
