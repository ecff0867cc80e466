using TaceCds.Service.Trust;

namespace TaceCds.Service.Hosting;

/// <summary>A configuration the service must not run with; <c>tacecds serve</c> and <c>Main</c> exit 2 with its message.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);

/// <summary>
/// Checks made before the service listens: demo mode without client authentication stays on loopback, and off
/// loopback the audience of client JWTs (<c>TaceCds:PublicBaseUrl</c>) must be known rather than guessed from
/// whatever Host header a proxy forwards.
/// </summary>
public static class StartupRefusal
{
    public static void Check(ListenAddresses listen, TrustSettings trust, ServiceSettings settings)
    {
        if (listen.NonLoopback is not { Count: > 0 } exposed) return;
        if (!trust.AuthEnabled)
            throw new StartupRefusedException(
                $"client authentication is off (--no-auth / TaceCds:Auth:Enabled=false) but the service would listen on {exposed[0]}, " +
                "which is not a loopback address. Demo mode is only allowed on 127.0.0.1, [::1] or localhost; " +
                "configure trusted clients (TaceCds:Auth:Clients) to listen elsewhere.");
        if (settings.PublicBaseUrl is null)
            throw new StartupRefusedException(
                $"the service would listen on {exposed[0]} with client authentication on, but TaceCds:PublicBaseUrl is not set. " +
                "Set it to the URL clients call (e.g. TaceCds__PublicBaseUrl=https://cds.example.org): it is the audience (aud) of their JWTs.");
    }
}
