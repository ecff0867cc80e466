namespace TaceCds.Security;

/// <summary>
/// The outcome of verifying a client JWT. On success: who called (issuer, tenant) and which token
/// (jti, kid) — safe to log. On failure: a stable <see cref="AuthFailureCode"/> and a short reason that never
/// contains the token or its signature.
/// </summary>
public sealed record JwtVerificationResult
{
    public bool Succeeded => FailureCode is null;
    public string? Issuer { get; private init; }
    public string? Tenant { get; private init; }
    public string? Jti { get; private init; }
    public string? Kid { get; private init; }
    public string? Algorithm { get; private init; }
    public string? FailureCode { get; private init; }
    public string? FailureReason { get; private init; }

    public static JwtVerificationResult Success(string issuer, string? tenant, string jti, string kid, string algorithm) =>
        new() { Issuer = issuer, Tenant = tenant, Jti = jti, Kid = kid, Algorithm = algorithm };

    public static JwtVerificationResult Failure(string code, string reason) =>
        new() { FailureCode = code, FailureReason = reason };

    public override string ToString() =>
        Succeeded ? $"ok iss={Issuer} tenant={Tenant ?? "-"} jti={Jti} kid={Kid} alg={Algorithm}"
                  : $"{FailureCode} {FailureReason}";
}
