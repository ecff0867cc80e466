using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaceCds.Rules.Pipeline;

namespace TaceCds.Service.Health;

/// <summary>
/// Ready once the rule packs are loaded and validated. Loading is done at start-up (Program), so this check reports
/// how many packs this instance serves: an empty set means the cards of every rule are missing, which is not ready.
/// </summary>
public sealed class RulePacksHealthCheck(PatientPipeline pipeline) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var packs = pipeline.Engine.Rules.Packs.Count;
        return Task.FromResult(packs > 0
            ? HealthCheckResult.Healthy($"{packs} rule packs loaded")
            : HealthCheckResult.Unhealthy("no rule packs loaded"));
    }
}
