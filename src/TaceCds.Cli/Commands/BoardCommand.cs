using System.CommandLine;
using System.Globalization;
using System.Text;
using TaceCds.Clinical.Evaluation;
using TaceCds.Fhir.Client;
using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Report;
using TaceCds.Report.Model;
using TaceCds.Rules.Pipeline;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds board</c>: the tumor-board packet of one or more patients as one self-contained HTML file (docs/report.md).
/// Patients come from Bundle files or, through <see cref="IFhirDataSource"/>, from Bulk Data NDJSON; a FHIR REST
/// source plugs into <see cref="BuildPatients(IFhirDataSource, IReadOnlyList{string}, DateOnly, TerminalProgressBar?, PatientPipeline?)"/>.
/// </summary>
public static class BoardCommand
{
    /// <summary>From this many patients on, a progress bar is drawn (on a terminal only).</summary>
    private const int ProgressFrom = 5;

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "FHIR Bundle files (every patient of each), or NDJSON files/folders with --ndjson.", Arity = ArgumentArity.ZeroOrMore };
        var asOf = new Option<string>("--as-of") { Description = "The evaluation date (YYYY-MM-DD). Nothing after it is known.", Required = true };
        var output = new Option<string>("--out") { Description = "The HTML file to write.", DefaultValueFactory = _ => "board.html" };
        var patients = new Option<string[]>("--patient") { Description = "Only these patient ids (repeatable), in this order.", AllowMultipleArgumentsPerToken = true };
        var ndjson = new Option<bool>("--ndjson") { Description = "Read FHIR Bulk Data NDJSON (files or folders of *.ndjson)." };
        var fhirServer = new Option<string?>("--fhir-server") { Description = "Read each --patient from this FHIR R4 server (base URL) instead of files." };
        var token = new Option<string?>("--token") { Description = "Bearer token for --fhir-server (or TACECDS_FHIR_TOKEN). Never logged." };

        var terminology = TerminologyOption.Create();
        var command = new Command("board", "Write the tumor-board packet (HTML, one section per patient, most urgent first).") { files, asOf, output, patients, ndjson, fhirServer, token, terminology };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(asOf), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Fail($"--as-of must be a date YYYY-MM-DD, got '{parse.GetValue(asOf)}'");
            var ids = parse.GetValue(patients) ?? [];
            try
            {
                var pipeline = EvaluationPipeline.Load(null, parse.GetValue(terminology));
                var board = new List<BoardPatient>();
                TerminalProgressBar? bar = null;
                if (parse.GetValue(fhirServer) is { } server)
                {
                    if (ids.Length == 0) throw new InputException("--fhir-server needs at least one --patient");
                    if (!Uri.TryCreate(server, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                        throw new InputException($"--fhir-server must be an absolute http(s) URL, got '{server}'");
                    using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                    var source = new FhirRestDataSource(new FhirRestClient(http), new FhirServerAccess(baseUrl, parse.GetValue(token) ?? Environment.GetEnvironmentVariable("TACECDS_FHIR_TOKEN")));
                    bar = Bar(ids.Length);
                    board.AddRange(BuildPatients(source, ids, day, bar, pipeline).ToList());
                }
                else if (parse.GetValue(files) is not { Length: > 0 })
                    throw new InputException("give Bundle files, --ndjson files, or --fhir-server with --patient");
                else if (parse.GetValue(ndjson))
                {
                    var inputs = NdjsonBoardInputs.Read(new NdjsonDataSource(parse.GetValue(files)!), ids, Console.Error);
                    bar = Bar(inputs.Count);
                    board.AddRange(inputs.Select((input, i) => Build(input, day, bar, i, inputs.Count, pipeline)));
                }
                else
                {
                    var inputs = FromBundles(parse.GetValue(files)!, ids);
                    bar = Bar(inputs.Count);
                    board.AddRange(inputs.Select((input, i) => Build(input, day, bar, i, inputs.Count, pipeline)));
                }
                var html = BoardRenderer.Render(board, (done, total) => bar?.Report(total + done, "rendering"));
                bar?.Finish();
                var path = parse.GetValue(output)!;
                File.WriteAllText(path, html, new UTF8Encoding(false));
                Console.Out.WriteLine($"wrote {path}: {board.Count} patient(s)");
                return ExitCodes.Ok;
            }
            catch (InputException ex) { return Fail(ex.Message); }
            catch (FhirClientException ex) { return Fail(ex.Message); }
            catch (HttpRequestException ex) { return Fail("FHIR server: " + ex.Message); }
            catch (FhirFormatException ex) { return Fail(ex.Message); }
            catch (IOException ex) { return Fail(ex.Message); }
            catch (UnauthorizedAccessException ex) { return Fail(ex.Message); }
        });
        return command;
    }

    /// <summary>The board data of each patient id of a data source (files, NDJSON, or a FHIR server), in the given order.</summary>
    public static IEnumerable<BoardPatient> BuildPatients(IFhirDataSource source, IReadOnlyList<string> ids, DateOnly asOf, TerminalProgressBar? bar = null,
        PatientPipeline? pipeline = null)
    {
        pipeline ??= EvaluationPipeline.Load(null);
        for (var i = 0; i < ids.Count; i++)
        {
            var record = source.GetPatientRecordAsync(ids[i], CancellationToken.None).GetAwaiter().GetResult()
                ?? throw new InputException($"no patient '{ids[i]}' in the source");
            var input = RecordInput.FromRecord(record) ?? throw new InputException($"Patient/{ids[i]}: the source has resources for this patient but no Patient resource");
            yield return Build(input, asOf, bar, i, ids.Count, pipeline);
        }
    }

    private static BoardPatient Build(RecordInput input, DateOnly asOf, TerminalProgressBar? bar, int index, int total, PatientPipeline pipeline)
    {
        var clinical = input.Evaluate(asOf, pipeline.Extraction);
        var patient = BoardPatient.From(input, clinical, pipeline.Complete(clinical));
        bar?.Report(index + 1, "evaluating");
        return patient;
    }

    private static TerminalProgressBar? Bar(int patients) =>
        patients >= ProgressFrom && !Console.IsErrorRedirected ? new TerminalProgressBar(Console.Error, 2 * patients) : null;

    private static List<RecordInput> FromBundles(string[] files, string[] ids)
    {
        var inputs = new List<RecordInput>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new InputException($"{file}: no such file");
            var found = RecordInput.FromBundleFile(file);
            if (found.Count == 0) throw new InputException($"{file}: the Bundle holds no Patient with an id");
            inputs.AddRange(found);
        }
        if (ids.Length == 0) return inputs;
        return ids.Select(id => inputs.FirstOrDefault(r => r.Patient.Id == id) ?? throw new InputException($"no patient '{id}' in {string.Join(", ", files)}")).ToList();
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }
}
