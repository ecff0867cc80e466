using TaceCds.Rules.Pipeline;
using BenchmarkDotNet.Attributes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Report;
using TaceCds.Report.Model;

namespace TaceCds.Benchmarks;

/// <summary>
/// A tumor-board packet of 100 patients (the 18 samples repeated to 100): rendering alone from board data already
/// built; evaluation + board data + rendering from records already read; and everything from the Bundle files.
/// Target (issue 7): a 100-patient packet builds in under 5 s.
/// </summary>
[MemoryDiagnoser]
public class BoardPacketBenchmark
{
    private const int Patients = 100;
    private static readonly DateOnly AsOf = new(2025, 6, 1);
    private string[] _files = null!;
    private RecordInput[] _inputs = null!;
    private BoardPatient[] _board = null!;

    [GlobalSetup]
    public void Setup()
    {
        var samples = Enumerable.Range(1, 18).Select(i => RepoFile.Find("samples", $"p{i:00}.json")).ToArray();
        _files = Enumerable.Range(0, Patients).Select(i => samples[i % samples.Length]).ToArray();
        _inputs = _files.Select(f => RecordInput.FromBundleFile(f).Single()).ToArray();
        _board = _inputs.Select(Build).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int RenderPacket100() => BoardRenderer.Render(_board).Length;

    [Benchmark]
    public int EvaluateAndRenderPacket100() => BoardRenderer.Render(_inputs.Select(Build)).Length;

    [Benchmark]
    public int ReadEvaluateAndRenderPacket100() =>
        BoardRenderer.Render(_files.Select(f => Build(RecordInput.FromBundleFile(f).Single()))).Length;

    private static readonly PatientPipeline Pipeline = PatientPipeline.Load(RepoFile.Find("rules"));

    /// <summary>What <c>tacecds board</c> does per patient: one clinical evaluation, completed by the rule packs.</summary>
    private static BoardPatient Build(RecordInput input)
    {
        var evaluation = input.Evaluate(AsOf);
        return BoardPatient.From(input, evaluation, Pipeline.Complete(evaluation));
    }
}
