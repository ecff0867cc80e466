using TaceCds.Security;
using TaceCds.Store;

namespace TaceCds.Service.Trust;

/// <summary>Registers the store (audit, feedback, replay cache) and the client JWT verifier.</summary>
public static class TrustRegistration
{
    public const string JwksHttpClient = "jwks";

    public static IServiceCollection AddTrust(this IServiceCollection services)
    {
        services.AddSingleton(sp => TrustSettings.From(sp.GetRequiredService<IConfiguration>()));
        // Opened (and migrated) when first resolved; Program resolves it at start-up so a bad store fails fast.
        services.AddSingleton<ICdsStore>(sp => CdsStore.OpenAsync(sp.GetRequiredService<TrustSettings>().Store, sp.GetRequiredService<TimeProvider>())
            .GetAwaiter().GetResult());
        services.AddHttpClient(JwksHttpClient).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IJwksFetcher>(sp => new HttpJwksFetcher(sp.GetRequiredService<IHttpClientFactory>().CreateClient(JwksHttpClient)));
        services.AddSingleton(sp => new ClientJwtVerifier(
            sp.GetRequiredService<TrustSettings>().Verifier,
            sp.GetRequiredService<ICdsStore>(),
            sp.GetRequiredService<IJwksFetcher>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ExpectedAudience>();
        services.AddSingleton<FhirServerPolicy>();
        services.AddSingleton<HookCallAudit>();
        services.AddHostedService(sp => sp.GetRequiredService<HookCallAudit>());
        return services;
    }
}
