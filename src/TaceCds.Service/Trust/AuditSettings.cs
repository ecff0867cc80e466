namespace TaceCds.Service.Trust;

/// <summary>
/// How the hook-call audit trail trades latency for durability (configuration <c>TaceCds:Audit</c>; see
/// <see cref="HookCallAudit"/> and docs/configuration.md).
/// </summary>
public sealed record AuditSettings
{
    /// <summary>
    /// Most answered calls whose record is not yet durable: the crash window, in records. 0: each call waits for its
    /// own record's commit before it is answered (none lost on a crash; a few ms more per call).
    /// </summary>
    public int MaxPending { get; init; } = 1_000;

    /// <summary>Most records written in one transaction (batches grow up to this when calls arrive faster than commits).</summary>
    public int MaxBatch { get; init; } = 500;

    /// <summary>How long a call waits for room when <see cref="MaxPending"/> records are pending, before it is refused with 503.</summary>
    public int MaxWaitMs { get; init; } = 2_000;

    public static AuditSettings From(IConfigurationSection section)
    {
        var defaults = new AuditSettings();
        var settings = new AuditSettings
        {
            MaxPending = section.GetValue("MaxPending", defaults.MaxPending),
            MaxBatch = section.GetValue("MaxBatch", defaults.MaxBatch),
            MaxWaitMs = section.GetValue("MaxWaitMs", defaults.MaxWaitMs),
        };
        if (settings.MaxPending < 0 || settings.MaxBatch < 1 || settings.MaxWaitMs < 0)
            throw new InvalidOperationException("configuration TaceCds:Audit: MaxPending and MaxWaitMs must be >= 0 and MaxBatch >= 1");
        return settings;
    }
}
