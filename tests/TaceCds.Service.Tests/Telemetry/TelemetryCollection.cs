namespace TaceCds.Service.Tests.Telemetry;

/// <summary>
/// Meters and activity sources are process-wide: a test counting calls or collecting spans runs alone, so the calls
/// of tests running beside it cannot be counted in its numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (alone)";
}
