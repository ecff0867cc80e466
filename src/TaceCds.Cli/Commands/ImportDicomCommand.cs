using System.CommandLine;
using TaceCds.Dicom.Import;
using TaceCds.Dicom.Mapping;
using TaceCds.Fhir.Json;

namespace TaceCds.Cli.Commands;

/// <summary>
/// tacecds import-dicom: DICOM SR files/folders (TID 1500 measurements, TID 10011 CT dose) → a FHIR transaction
/// Bundle written to --out and/or POSTed to --fhir-server. Prints what was read, mapped and skipped (no patient data).
/// Exit 2 when no file could be read; 3 (partial) when some files were refused and the others imported; 1 when the FHIR
/// server refuses the Bundle.
/// </summary>
public static class ImportDicomCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "DICOM SR files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var patient = new Option<string?>("--patient") { Description = "FHIR Patient id the Observations are about (default: the DICOM Patient ID as a logical identifier)." };
        var output = new Option<string?>("--out") { Description = "Write the transaction Bundle to this JSON file." };
        var server = new Option<string?>("--fhir-server") { Description = "POST the transaction Bundle to this FHIR base URL." };
        var conceptMap = new Option<string?>("--concept-map") { Description = "Concept map JSON overriding the shipped one (same format as src/TaceCds.Dicom/Mapping/concept-map.json)." };
        var command = new Command("import-dicom", "Import imaging parameters and CT dose from DICOM Structured Reports as FHIR Observations.");
        command.Arguments.Add(inputs);
        command.Options.Add(patient);
        command.Options.Add(output);
        command.Options.Add(server);
        command.Options.Add(conceptMap);
        command.SetAction(parseResult =>
        {
            ConceptMap map;
            try
            {
                map = parseResult.GetValue(conceptMap) is { } mapPath ? ConceptMap.Load(mapPath) : ConceptMap.Default;
            }
            catch (ConceptMapException e)
            {
                Console.Error.WriteLine(e.Message);
                return ExitCodes.BadInput;
            }
            var result = DicomImporter.Import(parseResult.GetValue(inputs) ?? [], parseResult.GetValue(patient), map);
            Console.Out.Write(ImportSummary.Format(result));
            if (result.FilesRead == 0)
            {
                Console.Error.WriteLine("No file could be read.");
                return ExitCodes.BadInput;
            }
            var writer = new FhirJsonWriter(new FhirJsonWriterOptions { Indented = true });
            if (parseResult.GetValue(output) is { } outPath)
            {
                try
                {
                    writer.WriteFile(outPath, result.Bundle);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"Cannot write {outPath}: {e.Message}");
                    return ExitCodes.BadInput;
                }
                Console.Out.WriteLine($"Bundle written to {outPath}");
            }
            if (parseResult.GetValue(server) is { } baseUrl)
            {
                var outcome = new FhirTransactionSender().Send(baseUrl, result.Bundle);
                if (!outcome.Success)
                {
                    Console.Error.WriteLine(outcome.Message);
                    return ExitCodes.Failed;
                }
                Console.Out.Write(ImportSummary.FormatServerAnswer(result, outcome));
            }
            if (result.IsPartial)
            {
                Console.Error.WriteLine($"Partial import: {result.Files.Count - result.FilesRead} of {result.Files.Count} files refused (listed above).");
                return ExitCodes.Partial;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
