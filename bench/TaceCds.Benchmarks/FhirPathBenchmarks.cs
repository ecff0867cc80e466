using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TaceCds.FhirPath;

namespace TaceCds.Benchmarks;

/// <summary>
/// Compiled rule conditions evaluated warm, against the same conditions run by fhirpath.js 5.2.0 via
/// tools/fhirpath-bench.js on the same synthetic inputs (Data/). See docs/performance.md for commands and results.
/// ObservationFromJson converts the JsonElement on every call; ObservationPrepared evaluates a prepared input
/// (FhirPathInput.Prepare, as the rules engine does for a patient's bundle); fact-tree variables are prepared by
/// FhirPathContext.SetVariable.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class FhirPathBenchmarks
{
    /// <summary>LOINC 1975-2 = Bilirubin.total [Mass/volume] in Serum or Plasma (https://loinc.org/1975-2).</summary>
    public const string ObservationCondition =
        "Observation.where(code.coding.exists(system='http://loinc.org' and code='1975-2')).value.ofType(Quantity).value > 2.0";

    public const string FactCondition =
        "%course.consecutiveSessions >= 3 and %course.assessments.last().targetSumMm < %course.baseline.targetSumMm * 0.7";

    private static readonly DateTimeOffset AsOf = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private JsonElement _observation;
    private IReadOnlyList<TaceCds.FhirPath.Values.FhirPathValue> _preparedObservation = null!;
    private FhirPathExpression _observationCondition = null!;
    private FhirPathExpression _factCondition = null!;
    private FhirPathContext _factContext = null!;
    private FhirPathContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = DataFolder();
        _observation = Load(Path.Combine(data, "observation-bilirubin.json"));
        _context = new FhirPathContext(AsOf);
        _factContext = new FhirPathContext(AsOf).SetVariable("course", Load(Path.Combine(data, "course-facts.json")));
        _preparedObservation = FhirPathInput.Prepare(_observation);
        _observationCondition = FhirPathCompiler.Compile(ObservationCondition);
        _factCondition = FhirPathCompiler.Compile(FactCondition);
        if (_observationCondition.EvaluateBoolean(_observation, _context) != true || _factCondition.EvaluateBoolean(default(JsonElement), _factContext) != true)
            throw new InvalidOperationException("benchmark conditions must be true on their inputs");
    }

    [Benchmark]
    public bool? ObservationFromJson() => _observationCondition.EvaluateBoolean(_observation, _context);

    [Benchmark]
    public bool? ObservationPrepared() => _observationCondition.EvaluateBoolean(_preparedObservation, _context);

    [Benchmark]
    public bool? FactTreeCondition() => _factCondition.EvaluateBoolean(default(JsonElement), _factContext);

    /// <summary>bench/TaceCds.Benchmarks/Data, found from wherever BenchmarkDotNet runs its generated project.</summary>
    private static string DataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")))
                return Path.Combine(dir.FullName, "bench", "TaceCds.Benchmarks", "Data");
        }
        throw new InvalidOperationException("TaceCds.sln not found above " + AppContext.BaseDirectory);
    }

    private static JsonElement Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }
}
