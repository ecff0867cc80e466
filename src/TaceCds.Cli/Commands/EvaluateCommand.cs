using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TaceCds.Cli.Rendering;
using TaceCds.Clinical.Evaluation;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Ndjson;
using TaceCds.Publishing.Results;

namespace TaceCds.Cli.Commands;

/// <summary><c>tacecds evaluate</c>: the EvaluationResult of each patient in Bundle files or Bulk Data NDJSON (<see cref="NdjsonEvaluation"/>).</summary>
public static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FHIR Bundle files (one patient each, or several with --patient), or NDJSON files/folders with --ndjson.", Arity = ArgumentArity.OneOrMore };
        var asOf = new Option<string>("--as-of") { Description = "The evaluation date (YYYY-MM-DD). Nothing after it is known.", Required = true };
        var format = new Option<string>("--format") { Description = "json (the EvaluationResult), text (a summary for a person) or fhir (a FHIR R4 Bundle per patient, docs/fhir-artifacts.md).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text", "fhir");
        var patient = new Option<string?>("--patient") { Description = "Evaluate only this patient id." };
        var ndjson = new Option<bool>("--ndjson") { Description = "Read FHIR Bulk Data NDJSON (files or folders of *.ndjson) and evaluate every patient." };
        var rules = new Option<string?>("--rules") { Description = "The rule-pack folder (default: TACECDS_RULES, the repository's rules/, or the copy next to the binary)." };
        var strict = new Option<bool>("--strict")
        {
            Description = "Refuse a Bundle (exit 2) when any element cannot be read. Without it, a bad element (e.g. an impossible birthDate) " +
                "is left out with a JSON1xx data issue naming its path and line, and the patient is still evaluated.",
        };

        var terminology = TerminologyOption.Create();
        var partition = new Option<string?>("--partition") { Description = "With --ndjson: only partition K/N (0 <= K < N) by a stable hash of the patient id; N processes cover every patient once." };
        var output = new Option<string?>("--out") { Description = "With --ndjson: write the results (one per line) to this file, and a summary to FILE.summary.json." };

        var command = new Command("evaluate", "Evaluate patients as of a date and print the EvaluationResult.") { files, asOf, format, patient, ndjson, rules, strict, terminology, partition, output };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Fail($"--as-of must be a date YYYY-MM-DD, got '{parse.GetValue(asOf)}'");
            var text = parse.GetValue(format) == "text";
            var fhir = parse.GetValue(format) == "fhir";
            try
            {
                var pipeline = EvaluationPipeline.Load(parse.GetValue(rules), parse.GetValue(terminology));
                var bulk = parse.GetValue(ndjson);
                var allOrNothing = parse.GetValue(strict);
                if (!bulk && (parse.GetValue(partition) is not null || parse.GetValue(output) is not null))
                    throw new InputException("--partition and --out go with --ndjson");
                if (bulk)
                {
                    var part = PatientPartition.All;
                    if (parse.GetValue(partition) is { } k && (part = PatientPartition.TryParse(k, out var error)!) is null) throw new InputException(error!);
                    var run = new NdjsonRunOptions(parse.GetValue(files)!, parse.GetValue(patient), allOrNothing, part, parse.GetValue(output));
                    return NdjsonEvaluation.Run(run, input => pipeline.Evaluate(input, day),
                        result => text ? TextSummary.Render(result)
                            : fhir ? ResultBundle.ToJson(result, pipeline.Engine.Rules, false) : result.ToJsonString(Compact), Console.Out, Console.Error, !Console.IsErrorRedirected);
                }
                var inputs = FromBundles(parse.GetValue(files)!, parse.GetValue(patient), allOrNothing);
                var indented = inputs.Count == 1;
                foreach (var input in inputs)
                {
                    var result = pipeline.Evaluate(input, day);
                    Console.Out.WriteLine(text ? TextSummary.Render(result)
                        : fhir ? ResultBundle.ToJson(result, pipeline.Engine.Rules, indented)
                        : result.ToJsonString(indented ? Indented : Compact));
                }
                return ExitCodes.Ok;
            }
            catch (InputException ex) { return Fail(ex.Message); }
            catch (FhirFormatException ex) { return Fail(ex.Message); }
            catch (IOException ex) { return Fail(ex.Message); }
            catch (UnauthorizedAccessException ex) { return Fail(ex.Message); }
        });
        return command;
    }

    private static List<RecordInput> FromBundles(string[] files, string? patientId, bool strict)
    {
        var inputs = new List<RecordInput>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new InputException($"{file}: no such file");
            var found = RecordInput.FromBundleFile(file, strict);
            if (found.Count == 0) throw new InputException($"{file}: the Bundle holds no Patient with an id");
            if (patientId is not null) found = found.Where(r => r.Patient.Id == patientId).ToList();
            else if (found.Count > 1) throw new InputException($"{file}: the Bundle holds {found.Count} patients; choose one with --patient");
            inputs.AddRange(found);
        }
        if (inputs.Count == 0) throw new InputException($"no patient '{patientId}' in {string.Join(", ", files)}");
        return inputs;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }
}

/// <summary>Bad input the user can fix; reported as one line with exit code 2.</summary>
public sealed class InputException(string message) : Exception(message);
