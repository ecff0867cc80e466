using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaceCds.Store;

namespace TaceCds.Service.Health;

/// <summary>
/// Ready only while the store answers and its schema is the one this instance migrated it to at start-up (a database
/// restored from an older backup, or dropped, is not ready). The description names the backend and schema version,
/// never the connection string.
/// </summary>
public sealed class StoreHealthCheck(ICdsStore store, StoreSchemaAtStartup startup) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int version;
        try
        {
            version = await store.SchemaVersionAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception's message may quote the connection string: only its type is reported.
            return HealthCheckResult.Unhealthy($"{store.Backend} store unreachable ({e.GetType().Name})");
        }
        return version == startup.Version
            ? HealthCheckResult.Healthy($"{store.Backend} store, schema {version}")
            : HealthCheckResult.Unhealthy($"{store.Backend} store at schema {version}, expected {startup.Version}");
    }
}

/// <summary>The schema version the store had once opened (and migrated) at start-up.</summary>
public sealed class StoreSchemaAtStartup(int version)
{
    public int Version => version;
}
