using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// The service's metrics (meter <c>TaceCds.Service</c>; Prometheus names in docs/deployment.md): hook calls and their
/// latency by service, hook and status; cards by service, indicator and rule; FHIR reads and their errors; store
/// write latency. The audit queue depth is the audit writer's own gauge (<see cref="Trust.HookCallAudit.MeterName"/>).
/// </summary>
public sealed class CdsMetrics
{
    private readonly Counter<long> _hookCalls;
    private readonly Histogram<double> _hookDuration;
    private readonly Counter<long> _cards;
    private readonly Counter<long> _fhirReads;
    private readonly Counter<long> _fhirReadErrors;
    private readonly Histogram<double> _fhirReadDuration;
    private readonly Histogram<double> _storeWriteDuration;

    public CdsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CdsTelemetry.Name);
        _hookCalls = meter.CreateCounter<long>("tacecds.hook.calls", "{call}", "CDS Hooks service calls answered, by service, hook and HTTP status");
        _hookDuration = meter.CreateHistogram<double>("tacecds.hook.duration", "s", "Time to answer a CDS Hooks service call",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _cards = meter.CreateCounter<long>("tacecds.cards", "{card}", "Cards returned, by service, indicator and rule (source.topic.code)");
        _fhirReads = meter.CreateCounter<long>("tacecds.fhir.reads", "{request}", "HTTP requests to FHIR servers, by resource type and outcome");
        _fhirReadErrors = meter.CreateCounter<long>("tacecds.fhir.read.errors", "{request}", "FHIR server requests that failed (error status or no answer), by resource type and error");
        _fhirReadDuration = meter.CreateHistogram<double>("tacecds.fhir.read.duration", "s", "Time of one HTTP request to a FHIR server",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _storeWriteDuration = meter.CreateHistogram<double>("tacecds.store.write.duration", "s", "Time of one store write (audit batch, feedback batch, replay-cache entry), by operation and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    // 1 ms … 10 s: a cached answer takes milliseconds, a FHIR read hundreds, the total timeout 15 s.
    private static readonly IReadOnlyList<double> LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public void HookCall(string serviceId, string? hook, int status, TimeSpan elapsed)
    {
        var tags = new TagList { { "service", serviceId }, { "hook", CdsTelemetry.HookTag(hook) }, { "status", status } };
        _hookCalls.Add(1, tags);
        _hookDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void Card(string serviceId, string indicator, string rule) =>
        _cards.Add(1, new TagList { { "service", serviceId }, { "indicator", indicator }, { "rule", rule } });

    public void FhirRead(string resourceType, string outcome, string? error, TimeSpan elapsed)
    {
        var tags = new TagList { { "resource_type", resourceType }, { "outcome", outcome } };
        _fhirReads.Add(1, tags);
        _fhirReadDuration.Record(elapsed.TotalSeconds, tags);
        if (error is not null) _fhirReadErrors.Add(1, new TagList { { "resource_type", resourceType }, { "error", error } });
    }

    public void StoreWrite(string operation, bool succeeded, TimeSpan elapsed) =>
        _storeWriteDuration.Record(elapsed.TotalSeconds, new TagList { { "operation", operation }, { "outcome", succeeded ? "ok" : "error" } });
}
