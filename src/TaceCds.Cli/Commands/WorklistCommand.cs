using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Cli.Population;
using TaceCds.Fhir.Data;
using TaceCds.Report;
using TaceCds.Report.Model;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds worklist</c>: the patients whose stop-TACE decision, definitions (refractoriness, ART, ABCR) or
/// "assessment due" changed between two population runs (<c>evaluate --ndjson --out</c>), most urgent first, each with
/// the reason; optionally the board packet of just those patients. The previous run is held as small snapshots; the
/// new one is streamed.
/// </summary>
public static class WorklistCommand
{
    public static Command Create()
    {
        var results = new Option<string>("--results") { Description = "This run's results (NDJSON, one EvaluationResult per line).", Required = true };
        var previous = new Option<string>("--previous") { Description = "The previous run's results (NDJSON).", Required = true };
        var format = new Option<string>("--format") { Description = "text (for a person) or json (one line per patient).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var board = new Option<string?>("--board") { Description = "Also write the board packet (HTML) of the listed patients; needs --ndjson." };
        var ndjson = new Option<string[]>("--ndjson") { Description = "With --board: the export the results were computed from (NDJSON files or folders).", AllowMultipleArgumentsPerToken = true };

        var command = new Command("worklist", "List the patients whose decision, definitions or due assessment changed since the previous run.") { results, previous, format, board, ndjson };
        command.SetAction(parse =>
        {
            try
            {
                var boardPath = parse.GetValue(board);
                var export = parse.GetValue(ndjson) ?? [];
                if (boardPath is not null && export.Length == 0) throw new InputException("--board needs --ndjson: the export the results were computed from");
                var entries = Build(parse.GetValue(previous)!, parse.GetValue(results)!, keepResults: boardPath is not null);
                Console.Out.Write(parse.GetValue(format) == "json" ? Json(entries) : Text(entries));
                if (boardPath is not null)
                {
                    var count = WriteBoard(entries, export, boardPath);
                    Console.Out.WriteLine($"wrote {boardPath}: {count} patient(s)");
                }
                return ExitCodes.Ok;
            }
            catch (InputException ex) { return Fail(ex.Message); }
            catch (IOException ex) { return Fail(ex.Message); }
            catch (UnauthorizedAccessException ex) { return Fail(ex.Message); }
        });
        return command;
    }

    /// <summary>The ranked worklist of <paramref name="resultsFile"/> against <paramref name="previousFile"/>.</summary>
    public static IReadOnlyList<WorklistEntry> Build(string previousFile, string resultsFile, bool keepResults)
    {
        var before = new Dictionary<string, ResultSnapshot>(StringComparer.Ordinal);
        foreach (var result in ReadResults(previousFile)) before[PatientId(result)] = ResultSnapshot.Of(result);
        var entries = new List<WorklistEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in ReadResults(resultsFile))
        {
            var id = PatientId(result);
            seen.Add(id);
            var reasons = WorklistChanges.Between(before.GetValueOrDefault(id), ResultSnapshot.Of(result));
            if (reasons.Count > 0) entries.Add(new WorklistEntry(id, Urgency.Of(result), reasons, keepResults ? result : null));
        }
        foreach (var id in before.Keys.Where(id => !seen.Contains(id)))
            entries.Add(new WorklistEntry(id, new Urgency(Urgency.None, "not in this run"), ["in the previous run, not in this one"], null));
        return WorklistEntry.Ranked(entries);
    }

    private static IEnumerable<JsonObject> ReadResults(string file)
    {
        if (!File.Exists(file)) throw new InputException($"{file}: no such file");
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonObject? result;
            try { result = JsonNode.Parse(line) as JsonObject; }
            catch (JsonException ex) { throw new InputException($"{file}:{number}: not an EvaluationResult ({ex.Message})"); }
            if (result?["patient"].Str() is null) throw new InputException($"{file}:{number}: not an EvaluationResult (no patient)");
            yield return result;
        }
    }

    private static string PatientId(JsonObject result) => PatientReferences.PatientIdFromReference(result["patient"].Str()!) ?? result["patient"].Str()!;

    private static string Text(IReadOnlyList<WorklistEntry> entries)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"worklist: {entries.Count} patient(s) changed since the previous run, most urgent first");
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. Patient/{e.PatientId} [{e.Urgency.LevelName}] {e.Urgency.Finding}");
            foreach (var reason in e.Reasons) text.AppendLine("   - " + reason);
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<WorklistEntry> entries) =>
        string.Concat(entries.Select(e => e.ToJson().ToJsonString() + "\n"));

    // The packet of the listed patients that are in this run: their results as listed, and their records for the
    // names, notes and trends (the renderer of `board`).
    private static int WriteBoard(IReadOnlyList<WorklistEntry> entries, string[] export, string path)
    {
        var listed = entries.Where(e => e.Result is not null).ToList();
        var inputs = NdjsonBoardInputs.Read(new NdjsonDataSource(export), [.. listed.Select(e => e.PatientId)], Console.Error);
        var patients = inputs.Zip(listed, (input, entry) =>
        {
            var asOf = entry.Result!["asOf"].Day() ?? throw new InputException($"Patient/{entry.PatientId}: the result has no asOf");
            return BoardPatient.From(input, input.Evaluate(asOf), entry.Result);
        }).ToList();
        File.WriteAllText(path, BoardRenderer.Render(patients), new UTF8Encoding(false));
        return patients.Count;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }
}
