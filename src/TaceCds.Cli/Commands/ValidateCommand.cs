using System.CommandLine;
using System.Diagnostics;
using TaceCds.Validation;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds validate FILE|FOLDER…</c>: validates FHIR JSON (single resources, Bundles) and NDJSON against base R4
/// and the project implementation guide (fhir-profiles/, every meta.profile followed, terminology checked offline)
/// with Firely.Fhir.Validation. Prints one line per issue; exit 0 valid, 1 invalid (an error), 2 could not run.
/// The validator is created once per process; its resolved core definitions are cached on disk (docs/fhir-artifacts.md).
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "FHIR JSON files (a resource or a Bundle), NDJSON files, or folders of them.", Arity = ArgumentArity.OneOrMore };
        var profiles = new Option<string?>("--profiles") { Description = "The implementation guide folder (default: TACECDS_PROFILES, the repository's fhir-profiles/, or the copy next to the binary)." };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Where resolved FHIR definitions are cached between runs (default: TACECDS_VALIDATION_CACHE, else $XDG_CACHE_HOME or ~/.cache, /tacecds/fhir-validation)." };
        var noCache = new Option<bool>("--no-cache") { Description = "Neither read nor write the disk cache (a cold start every time)." };
        var all = new Option<bool>("--all") { Description = "Also print information issues (errors and warnings are always printed)." };
        var command = new Command("validate", "Validate FHIR JSON / NDJSON against base R4 and the project profiles; exit 0 valid, 1 invalid, 2 could not run.")
        {
            paths, profiles, cacheDir, noCache, all,
        };
        command.SetAction(parse =>
        {
            var (profilesDir, cache) = GuideLocations.ForProcess(parse.GetValue(profiles), parse.GetValue(cacheDir));
            IReadOnlyList<string> files;
            try
            {
                files = FileValidation.ExpandPaths(parse.GetValue(paths) ?? []);
            }
            catch (FileNotFoundException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }

            var clock = Stopwatch.StartNew();
            ProjectValidator validator;
            try
            {
                validator = ProjectValidator.Create(profilesDir, parse.GetValue(noCache) ? null : cache);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine("error: the validator could not start: " + e.Message);
                return ExitCodes.BadInput;
            }

            FileValidationReport report;
            try
            {
                report = FileValidation.Validate(validator, files);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            var showAll = parse.GetValue(all);
            foreach (var issue in report.Issues.Where(i => showAll || i.Issue.Severity != IssueSeverity.Information))
                Console.Out.WriteLine(issue.ToString());
            Console.Out.WriteLine($"{report.Files} files, {report.Resources} resources: {report.Errors} errors, {report.Warnings} warnings");
            // Timing on stderr, so that stdout stays the issue list: the figures docs/performance.md records.
            Console.Error.WriteLine($"validated in {clock.Elapsed.TotalSeconds:0.0} s ({validator.DefinitionsFromDiskCache} definitions from the disk cache at start-up)");
            return report.Errors == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
