using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaceCds.Service.Hosting;

namespace TaceCds.Service.Health;

/// <summary>
/// Optional (<c>TaceCds:Health:CheckFhirServer=true</c>): the configured FHIR server answers <c>GET [base]/metadata</c>
/// with a 2xx. A failure is <em>Degraded</em>, not Unhealthy: calls that bring their data (prefetch, or their own
/// <c>fhirServer</c>) are still answered, and every instance sharing that FHIR server would otherwise leave the balancer
/// at once. The answer is not read beyond its status.
/// </summary>
public sealed class FhirServerHealthCheck(IHttpClientFactory clients, ServiceSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (settings.FhirServerBaseUrl is not { } baseUrl) return HealthCheckResult.Healthy("no FHIR server configured");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/metadata"));
        request.Headers.Accept.ParseAdd("application/fhir+json");
        if (settings.FhirServerBearerToken is { } token) request.Headers.Authorization = new("Bearer", token);
        try
        {
            using var response = await clients.CreateClient(Hosting.ServiceRegistration.FhirHttpClient)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy("FHIR server /metadata answered")
                : HealthCheckResult.Degraded($"FHIR server /metadata answered HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Degraded($"FHIR server unreachable ({e.GetType().Name})");
        }
    }
}
