using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaceCds.Fhir.Client;
using TaceCds.Service.Evaluation;

namespace TaceCds.Service.Tests.Hostile;

/// <summary>
/// The service in memory with its REAL FHIR HTTP stack (SocketsHttpHandler + <see cref="FhirConnectGuard"/>, no fake
/// handler), auth off (demo mode) unless the settings turn it on, a throwaway store, no local data: every call that
/// lacks prefetch goes to its <c>fhirServer</c>. <see cref="Guard"/> may resolve and connect through test doubles.
/// </summary>
public sealed class HostileServiceHost(IReadOnlyDictionary<string, string?>? settings = null, FhirConnectGuard? guard = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"tacecds-hostile-{Guid.NewGuid():N}.db");


    public FhirConnectGuard Guard { get; } = guard ?? new FhirConnectGuard();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TaceCds:AsOf", ServiceHost.SamplesAsOf);
        builder.UseSetting("TaceCds:Auth:Enabled", "false");
        builder.UseSetting("TaceCds:Store", "sqlite:" + _store);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(registered =>
        {
            registered.RemoveAll<IPatientEvaluator>();
            registered.AddSingleton(ServiceHost.ClinicalOnly);
            registered.RemoveAll<FhirConnectGuard>();
            registered.AddSingleton(Guard);
            services?.Invoke(registered);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_store + suffix); } catch (IOException) { }
    }
}
