using System.Diagnostics;
using System.Text.Json;
using TaceCds.FhirPath;

namespace TaceCds.Cli.Commands;

/// <summary>
/// Times one compiled expression for <c>tacecds fhirpath --time N</c>: warm-up, then N evaluations (best of three),
/// reporting wall and process CPU time per evaluation (CPU time is the meaningful figure on a shared machine), both
/// from the JSON as given and on a prepared input (<see cref="FhirPathInput.Prepare"/>, as the rules engine uses it).
/// </summary>
internal static class EvaluationTimer
{
    public static void Report(FhirPathExpression expression, JsonElement focus, FhirPathContext context, int iterations)
    {
        var prepared = focus.ValueKind == JsonValueKind.Undefined ? [] : FhirPathInput.Prepare(focus);
        Func<int> fromJsonRun = () => expression.Evaluate(focus, context).Count;
        Func<int> preparedRun = () => expression.Evaluate(prepared, context).Count;
        // Warm both for a few seconds so tiered compilation has finished (its threads count as process CPU time),
        // then keep the better of three measurements of each.
        var warm = Stopwatch.StartNew();
        while (warm.ElapsedMilliseconds < 3000)
        {
            fromJsonRun();
            preparedRun();
        }
        var fromJson = Best(fromJsonRun, iterations);
        var onPrepared = Best(preparedRun, iterations);
        Console.Error.WriteLine($"time: from JSON {fromJson.Wall:F0} ns wall, {fromJson.Cpu:F0} ns CPU; prepared input {onPrepared.Wall:F0} ns wall, {onPrepared.Cpu:F0} ns CPU (per evaluation, {iterations} evaluations)");
    }

    private static (double Wall, double Cpu) Best(Func<int> evaluate, int iterations)
    {
        var best = (Wall: double.MaxValue, Cpu: double.MaxValue);
        for (var run = 0; run < 3; run++)
        {
            var (wall, cpu) = Time(evaluate, iterations);
            best = (Math.Min(best.Wall, wall), Math.Min(best.Cpu, cpu));
        }
        return best;
    }

    private static (double Wall, double Cpu) Time(Func<int> evaluate, int iterations)
    {
        var sink = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
            sink += evaluate();
        var elapsed = wall.Elapsed;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        GC.KeepAlive(sink);
        return (elapsed.TotalNanoseconds / iterations, cpu.TotalNanoseconds / iterations);
    }
}
