using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Samples;

/// <summary>The EvaluationResult of each bundled sample patient, evaluated once per test run.</summary>
public static class SampleEvaluations
{
    /// <summary>The evaluation date every sample is written for (samples/README.md).</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 1);

    private static readonly ConcurrentDictionary<string, JsonObject> Cache = new();

    public static IEnumerable<string> Ids =>
        Directory.GetFiles(RepoPaths.InRepo("samples"), "p*.json").Select(Path.GetFileNameWithoutExtension).Order().OfType<string>();

    public static TheoryData<string> All => new(Ids);

    public static JsonObject Result(string id) =>
        (JsonObject)Cache.GetOrAdd(id, key =>
            EvaluationPipeline.Evaluate(RecordInput.FromBundleFile(RepoPaths.InRepo("samples", key + ".json")).Single(), AsOf)).DeepClone();
}
