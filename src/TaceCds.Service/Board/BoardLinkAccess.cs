using System.Security.Cryptography;
using System.Text;
using TaceCds.Service.Errors;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Board;

/// <summary>
/// Opening <c>GET /board/{patientId}?t=…</c> with a link token instead of the client's JWT. Client authentication lets
/// such a request through (<see cref="CarriesLinkToken"/>) and the board endpoint calls <see cref="AuthorizeAsync"/>,
/// which refuses anything but a valid token for this very patient. Every use, granted or refused, is audited as a call of
/// service <c>board</c>, hook <c>board-link</c>, with the token's jti as hookInstance (a hash prefix when the token's
/// signature does not hold) — the token itself is never logged or stored.
/// </summary>
public sealed class BoardLinkAccess(BoardLinkTokens tokens, HookCallAudit audit, TimeProvider time, ILogger<BoardLinkAccess> log)
{
    public const string QueryName = "t";
    public const string AuditService = "board";
    public const string AuditHook = "board-link";

    /// <summary>A board page request that presents a link token: the JWT check is left to <see cref="AuthorizeAsync"/>.</summary>
    public static bool CarriesLinkToken(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/board") && request.Query.ContainsKey(QueryName);

    /// <summary>Returns when the request's token opens this patient's page; else throws the refusal (401 expired, 403 otherwise).</summary>
    public async Task AuthorizeAsync(HttpContext http, string patientId)
    {
        var startedAt = time.GetUtcNow();
        var token = http.Request.Query[QueryName].ToString();
        var check = tokens.Verify(patientId, token);
        var refusal = check.Verdict switch
        {
            BoardLinkVerdict.Valid => null,
            BoardLinkVerdict.Expired => new CdsProblem(StatusCodes.Status401Unauthorized, CdsErrorCodes.BoardLinkExpired,
                "this board page link has expired; open the card again for a fresh link", QueryName, "expired"),
            BoardLinkVerdict.OtherPatient => new CdsProblem(StatusCodes.Status403Forbidden, CdsErrorCodes.BoardLinkOtherPatient,
                "this board page link was issued for another patient", QueryName, "forbidden"),
            _ => new CdsProblem(StatusCodes.Status403Forbidden, CdsErrorCodes.BoardLinkInvalid,
                tokens.Enabled ? "this board page link is not valid" : "board page links are turned off on this service", QueryName, "forbidden"),
        };
        var status = refusal?.Status ?? StatusCodes.Status200OK;
        log.LogInformation("board link {Verdict}", check.Verdict);
        var audited = await audit.RecordAsync(http, AuditService, AuditHook, check.TokenId ?? HashPrefix(token), patientId, null, null, status, startedAt);
        if (refusal is not null) throw refusal;
        // As for hook calls: no page is shown that the audit trail could not record.
        if (!audited)
        {
            http.Response.Headers.RetryAfter = "1";
            throw new CdsProblem(StatusCodes.Status503ServiceUnavailable, CdsErrorCodes.AuditBackpressure,
                "the audit trail cannot keep up; open the link again in a moment", null, "transient");
        }
    }

    // Identifies a refused token in the audit (repeated attempts with one token share it) without storing the token.
    private static string HashPrefix(string token) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];
}
