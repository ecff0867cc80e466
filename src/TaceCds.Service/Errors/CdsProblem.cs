namespace TaceCds.Service.Errors;

/// <summary>
/// A request the service refuses: HTTP status, stable code (<see cref="CdsErrorCodes"/>), the JSON member at fault and
/// a message for the caller. Thrown by request reading and data gathering, answered as an OperationOutcome.
/// </summary>
public sealed class CdsProblem(int status, string code, string message, string? field = null, string issueType = "invalid") : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    /// <summary>Where in the request, e.g. <c>context.patientId</c> or <c>prefetch.patient</c>.</summary>
    public string? Field { get; } = field;
    /// <summary>FHIR IssueType code (invalid, required, structure, not-found, too-costly, not-supported, exception…).</summary>
    public string IssueType { get; } = issueType;

    public static CdsProblem BadRequest(string code, string field, string message, string issueType = "invalid") =>
        new(StatusCodes.Status400BadRequest, code, message, field, issueType);
}
