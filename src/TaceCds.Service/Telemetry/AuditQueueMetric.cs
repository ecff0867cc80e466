using System.Diagnostics.Metrics;
using TaceCds.Service.Trust;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// <c>tacecds.audit.queue.depth</c>: hook-call audit records answered but not yet written. A depth that only grows
/// means the store cannot keep up (or is down) and a crash would lose that many records.
/// </summary>
public sealed class AuditQueueMetric
{
    public AuditQueueMetric(IMeterFactory meters, HookCallAudit audit) =>
        meters.Create(CdsTelemetry.Name).CreateObservableGauge("tacecds.audit.queue.depth", () => audit.QueueDepth, "{record}",
            "Audit records queued behind answered hook calls, not yet stored");
}
