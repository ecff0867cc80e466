using System.CommandLine;

namespace TaceCds.Cli.Commands;

/// <summary><c>--terminology</c> on evaluate, board and serve: a site's own ValueSet files (docs/configuration.md, "Terminology").</summary>
internal static class TerminologyOption
{
    public static Option<string[]> Create() => new("--terminology")
    {
        Description = "A folder of the site's FHIR ValueSet files (or one file; repeatable). A file with the url of an engine value set " +
            "(e.g. https://tacecds.org/fhir/ValueSet/tace-procedure) adds its codes, or replaces them when tagged 'replace'. Errors exit 2 (TERM1xx).",
    };
}
