using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaceCds.Store;

namespace TaceCds.Service.Health;

/// <summary>
/// <c>GET /health/live</c> (the process answers HTTP: no check) and <c>GET /health/ready</c> (store, rule packs, and
/// optionally the configured FHIR server). Both are open without a client JWT — probes and balancers carry none —
/// and their JSON names each check's status and a fixed description: no patient data, no connection strings.
/// </summary>
public static class HealthRegistration
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCdsHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        // A probe that waits longer than its balancer is useless: every check is bounded.
        var timeout = TimeSpan.FromSeconds(5);
        services.AddSingleton(sp => new StoreSchemaAtStartup(sp.GetRequiredService<ICdsStore>().SchemaVersionAsync().GetAwaiter().GetResult()));
        var checks = services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<RulePacksHealthCheck>("rulePacks", HealthStatus.Unhealthy, [ReadyTag], timeout);
        if (configuration.GetValue($"{Hosting.ServiceSettings.Section}:Health:CheckFhirServer", false))
            checks.AddCheck<FhirServerHealthCheck>("fhirServer", HealthStatus.Degraded, [ReadyTag], timeout);
        return services;
    }

    /// <summary>Resolves what the checks compare against now, so a broken store or rule pack stops start-up instead.</summary>
    public static void CaptureStartupState(IServiceProvider services) => services.GetRequiredService<StoreSchemaAtStartup>();

    public static IEndpointRouteBuilder MapCdsHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync });
        return app;
    }
}
