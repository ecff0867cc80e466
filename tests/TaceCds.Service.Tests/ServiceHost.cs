using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Pipeline;
using TaceCds.Rules.Runtime;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Tests;

/// <summary>
/// The service in memory (WebApplicationFactory), evaluating as of the samples' date unless told otherwise. The service's
/// own mechanics are tested without rule packs (<see cref="ClinicalOnly"/>), so they do not move when a pack changes;
/// <see cref="WithRulePacks"/> runs the bundled packs end to end.
/// </summary>
public sealed class ServiceHost(
    IReadOnlyDictionary<string, string?>? settings = null,
    HttpMessageHandler? fhirHandler = null,
    IPatientEvaluator? evaluator = null,
    TimeProvider? time = null,
    ILoggerProvider? logs = null) : WebApplicationFactory<Program>
{
    /// <summary>Every sample patient's evaluation date (samples/README.md).</summary>
    public const string SamplesAsOf = "2025-06-01";

    public static ServiceHost WithSamples() => new(new Dictionary<string, string?> { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder });

    private readonly string _store = Path.Combine(Path.GetTempPath(), $"tacecds-service-test-{Guid.NewGuid():N}.db");
    /// <summary>The service with the bundled rule packs, as <c>tacecds serve</c> runs it.</summary>
    public static ServiceHost WithRulePacks() =>
        new(new Dictionary<string, string?> { ["TaceCds:LocalData"] = SampleRequests.SamplesFolder }, evaluator: new DefaultPatientEvaluator(PatientPipeline.Load()));

    /// <summary>Facts, course and scores only: no definitions, models or rule cards.</summary>
    public static readonly IPatientEvaluator ClinicalOnly = new DefaultPatientEvaluator(new PatientPipeline(new RuleEngine(new RuleSet([], null))));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TaceCds:AsOf", SamplesAsOf);
        // The clinical tests call without JWTs and need no audit trail of their own: auth off, a throwaway store.
        // Tests of authentication and audit turn them back on through their settings.
        builder.UseSetting("TaceCds:Auth:Enabled", "false");
        builder.UseSetting("TaceCds:Store", "sqlite:" + _store);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (logs is not null) builder.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            if (fhirHandler is not null)
                services.AddHttpClient(ServiceRegistration.FhirHttpClient).ConfigurePrimaryHttpMessageHandler(() => fhirHandler);
            services.RemoveAll<IPatientEvaluator>();
            services.AddSingleton(evaluator ?? ClinicalOnly);
            if (time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(time);
            }
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
