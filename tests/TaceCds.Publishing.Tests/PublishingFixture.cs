using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Pipeline;
using TaceCds.Testing;

namespace TaceCds.Publishing.Tests;

/// <summary>The repository's rule packs and the samples' EvaluationResults, loaded once per test run.</summary>
public static class PublishingFixture
{
    /// <summary>The evaluation date every sample is written for (samples/README.md).</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 1);

    private static readonly Lazy<PatientPipeline> Pipeline = new(() => PatientPipeline.Load(RepoPaths.InRepo("rules")));
    private static readonly ConcurrentDictionary<string, JsonObject> Results = new();

    public static RuleSet Rules => Pipeline.Value.Engine.Rules;

    public static TheoryData<string> PackIds => new(RulePackLoader.LoadDirectory(RepoPaths.InRepo("rules")).Packs.Select(p => p.Id));

    public static TheoryData<string> SampleIds =>
        new(Directory.GetFiles(RepoPaths.InRepo("samples"), "p*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal));

    public static JsonObject Result(string sampleId) =>
        (JsonObject)Results.GetOrAdd(sampleId, id =>
            Pipeline.Value.Evaluate(RecordInput.FromBundleFile(RepoPaths.InRepo("samples", id + ".json")).Single(), AsOf)).DeepClone();
}
