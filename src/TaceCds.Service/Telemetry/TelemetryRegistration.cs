using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TaceCds.Service.Hosting;
using TaceCds.Service.Trust;
using TaceCds.Store;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// OpenTelemetry: the service's metrics (plus ASP.NET Core's and the runtime's) scraped at <c>GET /metrics</c> in
/// Prometheus text format, and its traces; both also pushed by OTLP when <c>TaceCds:Telemetry:Otlp:Endpoint</c> is set.
/// Only <c>TaceCds.Service</c> spans are traced: the framework's HTTP spans would carry paths such as
/// <c>/board/{patient id}</c> and FHIR search URLs with <c>patient=</c>.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddCdsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.TryAddSingleton<CdsMetrics>();
        services.AddTransient<HookCallTelemetry>();
        services.AddTransient<FhirReadTelemetryHandler>();
        services.AddHttpClient(ServiceRegistration.FhirHttpClient).AddHttpMessageHandler<FhirReadTelemetryHandler>();
        DecorateStore(services);

        var otlp = configuration[$"{ServiceSettings.Section}:Telemetry:Otlp:Endpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint, UriKind.Absolute) : null;
        var protocol = string.Equals(configuration[$"{ServiceSettings.Section}:Telemetry:Otlp:Protocol"], "http", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tacecds", serviceVersion: typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                // The audit writer publishes its queue depth under its own meter (HookCallAudit.MeterName).
                metrics.AddMeter(CdsTelemetry.Name, HookCallAudit.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime");
                // No scrape cache: a scrape right after a call must show it (monitoring scrapes every 15 s or so anyway).
                metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (OtlpUrl(otlp, protocol, "v1/metrics"), protocol));
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(CdsTelemetry.Name);
                // Every hook call is traced. ASP.NET Core may open an unrecorded request activity (for diagnostic
                // listeners); a parent-based sampler would then drop the whole hook-call trace under it.
                tracing.SetSampler(new AlwaysOnSampler());
                if (otlp is not null) tracing.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (OtlpUrl(otlp, protocol, "v1/traces"), protocol));
            });
        return services;
    }

    /// <summary>Creates the observable instruments now, so the first scrape already lists them.</summary>
    public static void StartObserving(IServiceProvider services) => services.GetRequiredService<HookCallAudit>();

    public static IEndpointRouteBuilder MapCdsMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    // OTLP over HTTP posts to a signal's own path; gRPC takes the bare endpoint.
    private static Uri OtlpUrl(Uri endpoint, OtlpExportProtocol protocol, string signalPath) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath) : endpoint;

    // Wraps whatever ICdsStore registration the trust layer made, keeping its lifetime (a singleton opened at start-up).
    private static void DecorateStore(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ICdsStore))
            ?? throw new InvalidOperationException("AddCdsTelemetry must follow AddTrust: no ICdsStore is registered");
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(ICdsStore), sp => new TimedCdsStore(Create(original, sp), sp.GetRequiredService<CdsMetrics>()), original.Lifetime));
    }

    private static ICdsStore Create(ServiceDescriptor descriptor, IServiceProvider sp) => (ICdsStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
