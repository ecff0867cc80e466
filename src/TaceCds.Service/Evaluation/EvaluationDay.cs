using TaceCds.Service.Hosting;

namespace TaceCds.Service.Evaluation;

/// <summary>
/// The day a live hook call is evaluated as of: today on the injected clock (the service, unlike the clinical code, may
/// read it), or the configured <c>TaceCds:AsOf</c> for demos and reproducible runs.
/// </summary>
public sealed class EvaluationDay(TimeProvider time, ServiceSettings settings)
{
    public DateOnly Today() => settings.AsOf ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
