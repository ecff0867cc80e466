using BenchmarkDotNet.Attributes;
using TaceCds.Clinical.Evaluation;

namespace TaceCds.Benchmarks;

/// <summary>
/// One typical patient (samples/p15.json: 5 TACE sessions, 8 exams, 72 labs): facts → course → scores → EvaluationResult
/// JSON, from resources already read; and the same including reading the Bundle file.
/// Target (issue 2): under 1 ms per evaluation after warm-up.
/// </summary>
[MemoryDiagnoser]
public class EvaluatePatientBenchmark
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);
    private RecordInput _input = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = RepoFile.Find("samples", "p15.json");
        _input = RecordInput.FromBundleFile(_file).Single();
    }

    [Benchmark(Baseline = true)]
    public int EvaluateTypicalPatient()
    {
        var evaluation = _input.Evaluate(AsOf);
        return EvaluationResultJson.Write(evaluation, new EngineInfo("bench", [])).Count;
    }

    [Benchmark]
    public int ReadBundleAndEvaluate()
    {
        var input = RecordInput.FromBundleFile(_file).Single();
        return EvaluationResultJson.Write(input.Evaluate(AsOf), new EngineInfo("bench", [])).Count;
    }
}

/// <summary>Finds a file of the repository from wherever BenchmarkDotNet runs the benchmark process.</summary>
public static class RepoFile
{
    public static string Find(params string[] parts)
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")))
                    return Path.Combine([dir.FullName, .. parts]);
        throw new FileNotFoundException("TaceCds.sln not found above " + Environment.CurrentDirectory);
    }
}
