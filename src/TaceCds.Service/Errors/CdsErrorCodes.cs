namespace TaceCds.Service.Errors;

/// <summary>
/// Stable codes of every error the service answers with (in <c>OperationOutcome.issue.details.coding</c>).
/// CDS1xx: the request body; CDS2xx: the HTTP exchange; CDS3xx: data the service could not obtain; CDS4xx: a
/// configuration the service refuses to start with (never sent to a client: start-up stops with the code).
/// docs/configuration.md lists them. A code is never reused for another meaning.
/// </summary>
public static class CdsErrorCodes
{
    public const string System = "https://tacecds.org/fhir/CodeSystem/cds-service-error";

    /// <summary>The body is not well-formed JSON.</summary>
    public const string MalformedJson = "CDS101";
    /// <summary>The body is JSON but not an object.</summary>
    public const string NotAnObject = "CDS102";
    /// <summary>A required member is missing (hook, hookInstance, context, a context field of the hook).</summary>
    public const string MissingField = "CDS103";
    /// <summary>A member has the wrong JSON type or an empty value.</summary>
    public const string WrongType = "CDS104";
    /// <summary><c>hook</c> is not the hook this service is registered for.</summary>
    public const string HookMismatch = "CDS105";
    /// <summary><c>patientId</c>/<c>encounterId</c> is not a FHIR id (e.g. <c>Patient/123</c> instead of <c>123</c>).</summary>
    public const string InvalidId = "CDS106";
    /// <summary><c>fhirAuthorization</c> without <c>fhirServer</c> (CDS Hooks invariant cds-r-1), or an unusable token.</summary>
    public const string AuthorizationWithoutServer = "CDS107";
    /// <summary><c>fhirServer</c> is not an absolute http(s) URL.</summary>
    public const string InvalidServerUrl = "CDS108";
    /// <summary>A prefetch value is neither a FHIR resource nor null (e.g. the pre-1.0 <c>{response, resource}</c> envelope).</summary>
    public const string InvalidPrefetch = "CDS109";
    /// <summary><c>draftOrders</c> is not a Bundle, or a draft order cannot be read.</summary>
    public const string InvalidDraftOrders = "CDS110";
    /// <summary><c>userId</c> or a <c>selections</c> item is not a <c>Type/id</c> reference (invariant ord-1).</summary>
    public const string InvalidReference = "CDS111";
    /// <summary>A string or member name is not Unicode text: a lone surrogate escape, invalid or overlong UTF-8.</summary>
    public const string InvalidUnicode = "CDS112";
    /// <summary>The same member name twice in one JSON object (which one counts is undefined, RFC 8259 §4).</summary>
    public const string DuplicateMember = "CDS113";
    /// <summary>
    /// <c>fhirServer</c> names an origin not allowed for this caller (HTTP 403): refused before any connection, so the
    /// request's access token is never sent there (issue 13 row 1).
    /// </summary>
    public const string FhirServerNotAllowed = "CDS114";

    /// <summary>No service with this id (for this hook).</summary>
    public const string UnknownService = "CDS201";
    /// <summary>The body is larger than the configured limit.</summary>
    public const string TooLarge = "CDS202";
    /// <summary>The body is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "CDS203";
    /// <summary>No endpoint for this path or method.</summary>
    public const string NotFound = "CDS204";
    /// <summary>The path exists but not for this method (e.g. GET on a service, which only takes POST).</summary>
    public const string MethodNotAllowed = "CDS205";
    /// <summary>
    /// The audit store cannot keep up (HTTP 503 with <c>Retry-After</c>): the answer is withheld rather than given
    /// without its audit record. Send the call again.
    /// </summary>
    public const string AuditBackpressure = "CDS206";

    /// <summary>A board page link token that has expired (HTTP 401): ask the EHR for the card again, which carries a fresh link.</summary>
    public const string BoardLinkExpired = "CDS210";
    /// <summary>A board page link token issued for another patient than the page asked for (HTTP 403).</summary>
    public const string BoardLinkOtherPatient = "CDS211";
    /// <summary>A board page link token that is malformed, altered or not signed by this service's secret (HTTP 403).</summary>
    public const string BoardLinkInvalid = "CDS212";

    /// <summary>Data the service needs was neither prefetched nor obtainable from a FHIR server (HTTP 412).</summary>
    public const string DataUnavailable = "CDS301";
    /// <summary>The FHIR server could not be read (timeout, error status, too large…): HTTP 412, with the client code.</summary>
    public const string FhirServerFailed = "CDS302";
    /// <summary>
    /// No data source knows the patient — no Patient resource in prefetch, on the FHIR server (404) or in the local data
    /// (HTTP 412): distinct from <c>{"cards": []}</c>, which means "evaluated, nothing to say".
    /// </summary>
    public const string PatientUnknown = "CDS303";

    /// <summary><c>TaceCds:Prefetch:&lt;service&gt;</c> names a service id discovery does not list.</summary>
    public const string PrefetchUnknownService = "CDS401";
    /// <summary><c>TaceCds:Prefetch:&lt;service&gt;:&lt;key&gt;</c> names a prefetch key the service does not have (overrides replace, never add).</summary>
    public const string PrefetchUnknownKey = "CDS402";
    /// <summary>
    /// A prefetch override is not a relative FHIR read or search (<c>Type/id</c>, <c>Type?query</c>), has unbalanced
    /// <c>{{ }}</c>, or reads another resource type than the template it replaces.
    /// </summary>
    public const string PrefetchMalformedTemplate = "CDS403";
    /// <summary>
    /// A prefetch override uses a token CDS Hooks 2.0.1 §"Prefetch tokens" does not allow for the service's hook(s): only
    /// <c>{{context.x}}</c> for a root-level primitive context field, and the four <c>{{user…Id}}</c> tokens.
    /// </summary>
    public const string PrefetchTokenNotAllowed = "CDS404";

    /// <summary>A fault of the service itself (HTTP 500); never caused by client input.</summary>
    public const string Internal = "CDS901";
}
