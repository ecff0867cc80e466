using TaceCds.Clinical.Terminology;
using TaceCds.Rules.Pipeline;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaceCds.Fhir.Client;
using TaceCds.Fhir.Data;
using TaceCds.Service.Cards;
using TaceCds.Service.Evaluation;
using TaceCds.Service.Hooks;
using TaceCds.Service.Prefetch;

namespace TaceCds.Service.Hosting;

/// <summary>The service's registrations, one Add… per concern (Program.cs lists them).</summary>
public static class ServiceRegistration
{
    /// <summary>The named HttpClient the FHIR client uses (tests swap its handler).</summary>
    public const string FhirHttpClient = "fhir";

    public static IServiceCollection AddServiceSettings(this IServiceCollection services)
    {
        // Read when first needed, so test hosts and the CLI can add configuration up to Build().
        services.AddSingleton(sp => ServiceSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static IServiceCollection AddFhirDataAccess(this IServiceCollection services)
    {
        // The connect guard checks every resolved address against the request's AddressPolicy (SSRF); redirects are
        // never followed. One guard for the process: its counters say how many connections were refused and made.
        services.TryAddSingleton(new FhirConnectGuard());
        // No HttpClient logging: its request lines carry search URLs with patient ids.
        services.AddHttpClient(FhirHttpClient, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<FhirConnectGuard>().CreateHandler())
            .RemoveAllLoggers();
        // One budget (bytes and time) per request scope: every read, search and page of one call shares it.
        services.AddScoped(sp => new FhirCallBudget(sp.GetRequiredService<ServiceSettings>().FhirClient, sp.GetRequiredService<TimeProvider>()));
        services.AddTransient(sp => new FhirRestClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(FhirHttpClient),
            sp.GetRequiredService<ServiceSettings>().FhirClient,
            sp.GetRequiredService<TimeProvider>(),
            budget: sp.GetRequiredService<FhirCallBudget>()));
        services.AddSingleton(sp => sp.GetRequiredService<ServiceSettings>().LocalData is { Count: > 0 } paths
            ? new LocalDataSource(new BundleFileDataSource(paths))
            : new LocalDataSource(null));
        // Site prefetch templates, validated once: Program resolves them at start-up so a bad one refuses to start.
        services.AddSingleton(sp => PrefetchOverrides.From(sp.GetRequiredService<IConfiguration>(), ServiceCatalog.All));
        services.AddTransient<PatientDataAssembler>();
        return services;
    }

    public static IServiceCollection AddPatientEvaluation(this IServiceCollection services)
    {
        // Rule packs are loaded (and validated) once, at start-up: a bad pack stops the service with file:line and code.
        // The value sets too: built in, plus the site's files (TaceCds:Terminology:Paths); a bad file refuses the start.
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<ServiceSettings>();
            EngineTerminology? terminology;
            try
            {
                terminology = settings.TerminologyPaths.Count > 0 ? TerminologyLoader.Load(settings.TerminologyPaths) : null;
            }
            catch (TerminologyException e)
            {
                throw new StartupRefusedException("TaceCds:Terminology:Paths: " + e.Message);
            }
            return PatientPipeline.Load(settings.RulesDirectory, terminology);
        });
        services.TryAddSingleton<IPatientEvaluator, DefaultPatientEvaluator>();
        services.AddSingleton<EvaluationDay>();
        services.AddTransient<HookCallHandler>();
        services.TryAddSingleton<ICardUuidSource, RandomCardUuids>();
        return services;
    }

    /// <summary>CORS for browser clients such as the CDS Hooks sandbox: GET, POST, OPTIONS with Content-Type and Authorization.</summary>
    public static IServiceCollection AddCdsCors(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            var origins = sp.GetRequiredService<ServiceSettings>().CorsOrigins;
            options.AddDefaultPolicy(policy =>
            {
                if (origins.Contains("*")) policy.AllowAnyOrigin();
                else policy.WithOrigins([.. origins]);
                policy.WithMethods("GET", "POST", "OPTIONS").WithHeaders("Content-Type", "Authorization");
            });
        });
        return services;
    }

    /// <summary>
    /// Serves under the path of <c>TaceCds:PublicBaseUrl</c> (e.g. <c>/cds</c> behind a reverse proxy), then routes
    /// (routing must follow the path base to see the path without it).
    /// </summary>
    public static WebApplication UsePublicBasePath(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ServiceSettings>();
        if (settings.PublicBaseUrl is { } url && url.AbsolutePath.TrimEnd('/') is { Length: > 0 } path) app.UsePathBase(path);
        app.UseRouting();
        return app;
    }
}
