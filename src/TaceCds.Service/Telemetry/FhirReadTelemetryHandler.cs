using System.Diagnostics;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// Counts and traces every HTTP request the FHIR client sends (span <c>fhir.read</c>). The URL is reduced to the
/// resource type it reads: paths hold patient ids and queries hold <c>patient=</c>, so neither is recorded.
/// </summary>
public sealed class FhirReadTelemetryHandler(CdsMetrics metrics) : DelegatingHandler
{
    // The resource types the prefetch templates read, plus the capability statement; anything else is "other".
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "Patient", "Condition", "Procedure", "Observation", "ImagingStudy", "BodyStructure", "MedicationStatement", "metadata",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var resourceType = ResourceType(request.RequestUri);
        using var activity = CdsTelemetry.Source.StartActivity("fhir.read", ActivityKind.Client);
        activity?.SetTag("fhir.resource_type", resourceType);
        activity?.SetTag("http.request.method", request.Method.Method);
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            activity?.SetTag("http.response.status_code", status);
            var error = response.IsSuccessStatusCode ? null : $"http_{status}";
            if (error is not null) activity?.SetStatus(ActivityStatusCode.Error, error);
            metrics.FhirRead(resourceType, error is null ? "ok" : "error", error, clock.Elapsed);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            var error = e is OperationCanceledException ? "timeout_or_cancelled" : "unreachable";
            activity?.SetStatus(ActivityStatusCode.Error, error);
            metrics.FhirRead(resourceType, "error", error, clock.Elapsed);
            throw;
        }
    }

    /// <summary>The last path segment naming a known resource type (<c>/r4/Observation?patient=…</c> → Observation), else <c>other</c>.</summary>
    public static string ResourceType(Uri? url)
    {
        if (url is null) return "other";
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 1; i >= 0; i--)
            if (KnownTypes.Contains(segments[i])) return segments[i];
        return "other";
    }
}
