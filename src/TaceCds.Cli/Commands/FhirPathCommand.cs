using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TaceCds.FhirPath;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds fhirpath &lt;expression&gt; [--resource FILE] [--as-of DATE]</c> prints the result as a JSON array;
/// <c>--batch</c> reads JSON lines <c>{"resource": {...} | "file": "...", "expression": "..."}</c> from stdin and writes
/// one line per input, <c>{"result": [...]}</c> or <c>{"error": "..."}</c>. <c>--var name=FILE</c> binds
/// <c>%name</c> to a JSON file (e.g. a fact tree); <c>--time N</c> reports the cost of one evaluation on stderr.
/// </summary>
public static class FhirPathCommand
{
    public static Command Create()
    {
        var expression = new Argument<string?>("expression") { Description = "FHIRPath expression", Arity = ArgumentArity.ZeroOrOne };
        var resource = new Option<FileInfo?>("--resource") { Description = "FHIR JSON (or any JSON) file to evaluate against" };
        var asOf = new Option<string?>("--as-of") { Description = "Instant for today()/now() (ISO 8601); default: the current time" };
        var batch = new Option<bool>("--batch") { Description = "Read JSON lines {resource|file, expression} from stdin" };
        var variables = new Option<string[]>("--var") { Description = "Bind %NAME to a JSON file: --var NAME=FILE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var time = new Option<int?>("--time") { Description = "Evaluate N times after warming up and print wall and CPU time per evaluation to stderr" };
        var command = new Command("fhirpath", "Evaluate a FHIRPath expression and print the result as JSON.");
        command.Arguments.Add(expression);
        command.Options.Add(resource);
        command.Options.Add(asOf);
        command.Options.Add(batch);
        command.Options.Add(variables);
        command.Options.Add(time);
        command.SetAction(parseResult =>
        {
            DateTimeOffset instant;
            if (parseResult.GetValue(asOf) is { } asOfText)
            {
                if (!DateTimeOffset.TryParse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
                    return Fail($"--as-of: '{asOfText}' is not an ISO 8601 date or date-time");
            }
            else
            {
                instant = DateTimeOffset.Now; // the CLI is the one place allowed to read the clock
            }
            if (parseResult.GetValue(batch))
                return RunBatch(instant);
            if (parseResult.GetValue(expression) is not { } text)
                return Fail("an expression is required (or use --batch)");
            JsonElement focus = default;
            if (parseResult.GetValue(resource) is { } file)
            {
                try
                {
                    focus = ReadJson(File.ReadAllText(file.FullName));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
                {
                    return Fail($"cannot read {file.Name}: {e.Message}");
                }
            }
            var context = new FhirPathContext(instant);
            foreach (var binding in parseResult.GetValue(variables) ?? [])
            {
                var eq = binding.IndexOf('=');
                if (eq <= 0)
                    return Fail($"--var expects NAME=FILE, not '{binding}'");
                try
                {
                    context.SetVariable(binding[..eq], ReadJson(File.ReadAllText(binding[(eq + 1)..])));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
                {
                    return Fail($"cannot read {binding[(eq + 1)..]}: {e.Message}");
                }
            }
            try
            {
                var expression = FhirPathCompiler.Compile(text);
                var result = expression.Evaluate(focus, context);
                Console.Out.WriteLine(FhirPathJson.ToJsonArray(result));
                if (parseResult.GetValue(time) is { } iterations and > 0)
                    EvaluationTimer.Report(expression, focus, context, iterations);
                return ExitCodes.Ok;
            }
            catch (FhirPathException e)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }

    private static JsonElement ReadJson(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static int RunBatch(DateTimeOffset instant)
    {
        var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var files = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0)
                continue;
            writer.Reset(stdout);
            writer.WriteStartObject();
            try
            {
                var request = ReadJson(line);
                var text = request.TryGetProperty("expression", out var e) && e.ValueKind == JsonValueKind.String
                    ? e.GetString()!
                    : throw new FormatException("missing \"expression\"");
                JsonElement focus = default;
                if (request.TryGetProperty("resource", out var r))
                    focus = r;
                else if (request.TryGetProperty("file", out var f) && f.GetString() is { } path)
                    focus = files.TryGetValue(path, out var cached) ? cached : files[path] = ReadJson(File.ReadAllText(path));
                var result = FhirPathCompiler.Compile(text).Evaluate(focus, new FhirPathContext(instant));
                writer.WritePropertyName("result");
                FhirPathJson.WriteArray(writer, result);
            }
            catch (Exception ex) when (ex is FhirPathException or JsonException or FormatException or IOException or UnauthorizedAccessException)
            {
                writer.WriteString("error", ex.Message.ReplaceLineEndings(" "));
            }
            writer.WriteEndObject();
            writer.Flush();
            stdout.Write(Encoding.UTF8.GetBytes("\n"));
        }
        stdout.Flush();
        return ExitCodes.Ok;
    }
}

/// <summary>
/// Times one compiled expression for <c>tacecds fhirpath --time N</c>: warm-up, then N evaluations (best of three),
/// reporting wall and process CPU time per evaluation (CPU time is the meaningful figure on a shared machine), both
/// from the JSON as given and on a prepared input (<see cref="FhirPathInput.Prepare"/>, as the rules engine uses it).
/// </summary>
file static class EvaluationTimer
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
