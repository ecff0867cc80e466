using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TaceCds.FhirPath;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds fhirpath &lt;expression&gt; [--resource FILE] [--as-of DATE]</c> prints the result as a JSON array;
/// <c>--batch</c> reads JSON lines <c>{"resource": {...} | "file": "...", "expression": "..."}</c> from stdin and writes
/// one line per input, <c>{"result": [...]}</c> or <c>{"error": "..."}</c>.
/// </summary>
public static class FhirPathCommand
{
    public static Command Create()
    {
        var expression = new Argument<string?>("expression") { Description = "FHIRPath expression", Arity = ArgumentArity.ZeroOrOne };
        var resource = new Option<FileInfo?>("--resource") { Description = "FHIR JSON (or any JSON) file to evaluate against" };
        var asOf = new Option<string?>("--as-of") { Description = "Instant for today()/now() (ISO 8601); default: the current time" };
        var batch = new Option<bool>("--batch") { Description = "Read JSON lines {resource|file, expression} from stdin" };
        var command = new Command("fhirpath", "Evaluate a FHIRPath expression and print the result as JSON.");
        command.Arguments.Add(expression);
        command.Options.Add(resource);
        command.Options.Add(asOf);
        command.Options.Add(batch);
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
            try
            {
                var result = FhirPathCompiler.Compile(text).Evaluate(focus, new FhirPathContext(instant));
                Console.Out.WriteLine(FhirPathJson.ToJsonArray(result));
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
