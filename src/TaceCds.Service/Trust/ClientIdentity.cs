using TaceCds.Security;

namespace TaceCds.Service.Trust;

/// <summary>The verified caller of the current request (set by <see cref="ClientAuthentication"/>; absent when auth is off).</summary>
public static class ClientIdentity
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, JwtVerificationResult verified) => context.Items[Key] = verified;

    public static JwtVerificationResult? Get(HttpContext context) => context.Items.TryGetValue(Key, out var v) ? v as JwtVerificationResult : null;
}
