using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Runtime;

namespace TaceCds.Benchmarks;

/// <summary>
/// All rule packs over one typical patient (samples/p15.json: 5 sessions, 8 exams, 72 labs). The fact tree is built
/// once (clinical stages are benchmarked elsewhere); <see cref="AllPacks"/> measures the rules alone, and
/// <see cref="AllPacksIncludingFactTreeConversion"/> adds the JsonObject → JsonElement step the CLI pipeline does.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private RuleEngine _engine = null!;
    private JsonElement _facts;
    private System.Text.Json.Nodes.JsonObject _factsObject = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _engine = new RuleEngine(RulePackLoader.LoadDirectory(Path.Combine(root, "rules")));
        var input = RecordInput.FromBundleFile(Path.Combine(root, "samples", "p15.json")).Single();
        _factsObject = EvaluationResultJson.Write(input.Evaluate(new DateOnly(2025, 6, 1)), new EngineInfo("bench", []));
        _facts = JsonSerializer.SerializeToElement(_factsObject);
    }

    [Benchmark]
    public int AllPacks() => _engine.Evaluate(_facts).Cards.Count;

    [Benchmark]
    public int AllPacksIncludingFactTreeConversion() => _engine.Evaluate(JsonSerializer.SerializeToElement(_factsObject)).Cards.Count;

    [Benchmark]
    public int LoadAllPacks() => RulePackLoader.LoadDirectory(Path.Combine(FindRoot(), "rules")).Packs.Count;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln"))) return dir.FullName;
        throw new InvalidOperationException("TaceCds.sln not found");
    }
}
