using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using TaceCds.Security;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Trust;

/// <summary>
/// CDS Hooks 2.0.1 §Trusting CDS Clients: every call (discovery, services, feedback) carries
/// <c>Authorization: Bearer &lt;JWT&gt;</c>, verified against the configured clients with <c>aud</c> = the URL
/// invoked as configuration knows it (<see cref="ExpectedAudience"/>: public base URL or loopback listening URL + path;
/// never the request's Host or X-Forwarded-* headers). Refusals are a bare 401; the log says why (AUTH code), never the token.
/// CORS preflights (OPTIONS) pass: browsers send them without credentials. The CDS Hooks endpoints
/// (<c>/cds-services</c> and below) and the tumor-board page (<c>/board</c>, patient data) are guarded alike: the board is
/// fetched by a trusted back end (EHR, tumor-board portal) with its client JWT, never open to anyone who can reach the port.
/// </summary>
public static class ClientAuthentication
{
    private static readonly PathString[] GuardedRoots = [new("/cds-services"), new("/board")];

    public static WebApplication UseClientAuthentication(this WebApplication app)
    {
        var trust = app.Services.GetRequiredService<TrustSettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TaceCds.Service.Auth");
        if (!trust.AuthEnabled)
        {
            log.LogWarning("AUTHENTICATION IS OFF (TaceCds:Auth:Enabled=false): any local process may call this service. " +
                           "Demo use only; the service refuses to run like this on a non-loopback address.");
            app.Lifetime.ApplicationStarted.Register(() => RefuseNonLoopback(app, log));
            return app;
        }
        if (trust.Verifier.Clients.Count == 0)
            log.LogWarning("no trusted clients configured (TaceCds:Auth:Clients): every call will be refused with 401");
        var verifier = app.Services.GetRequiredService<ClientJwtVerifier>();
        var settings = app.Services.GetRequiredService<ServiceSettings>();
        var audience = app.Services.GetRequiredService<ExpectedAudience>();
        app.Lifetime.ApplicationStarted.Register(() => RequirePublicBaseOffLoopback(app, settings, log));
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsOptions(context.Request.Method) || !GuardedRoots.Any(root => context.Request.Path.StartsWithSegments(root))
                || Board.BoardLinkAccess.CarriesLinkToken(context.Request)) // the board endpoint checks the link token instead
            {
                await next(context);
                return;
            }
            var token = ClientJwtVerifier.BearerToken(context.Request.Headers.Authorization.ToString());
            var result = await verifier.VerifyAsync(token, audience.For(context.Request.Path), context.RequestAborted);
            if (!result.Succeeded)
            {
                log.LogWarning("refused {Method} {Path}: {Code} {Reason}", context.Request.Method, LoggablePath(context.Request.Path), result.FailureCode, result.FailureReason);
                if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            ClientIdentity.Set(context, result);
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// The path as it may be logged: <c>/board/{patientId}</c> carries a patient id, which never goes to a log, so only
    /// the guarded root is kept there; service paths (<c>/cds-services/…</c>) name services, not patients.
    /// </summary>
    internal static string LoggablePath(PathString path) =>
        path.StartsWithSegments("/board") ? "/board/{patientId}" : path.ToString();

    private static void RefuseNonLoopback(WebApplication app, ILogger log)
    {
        foreach (var address in ExpectedAudience.ListeningAddresses(app.Services.GetRequiredService<IServer>()))
        {
            if (ExpectedAudience.IsLoopbackAddress(address)) continue;
            log.LogCritical("authentication is off but the service listens on {Address}: stopping", address);
            app.Lifetime.StopApplication();
            return;
        }
    }

    // Off loopback the listening URL is not what clients invoke (a proxy, a DNS name): the audience must be configured.
    private static void RequirePublicBaseOffLoopback(WebApplication app, ServiceSettings settings, ILogger log)
    {
        if (settings.PublicBaseUrl is not null) return;
        foreach (var address in ExpectedAudience.ListeningAddresses(app.Services.GetRequiredService<IServer>()))
        {
            if (ExpectedAudience.IsLoopbackAddress(address)) continue;
            log.LogCritical("authentication is on and the service listens on {Address} without TaceCds:PublicBaseUrl: the JWT audience " +
                            "cannot be known; set TaceCds:PublicBaseUrl to the URL clients call. Stopping", address);
            app.Lifetime.StopApplication();
            return;
        }
    }
}
