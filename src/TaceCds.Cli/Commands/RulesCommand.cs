using System.CommandLine;
using TaceCds.Clinical.Terminology;
using TaceCds.Publishing.Packs;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Testing;

namespace TaceCds.Cli.Commands;

/// <summary><c>tacecds rules list|test|export</c>: show the loaded rule packs; run every pack's test vectors; publish them as FHIR.</summary>
public static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "Rule packs: list them, run their test vectors, or export them as FHIR.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Test());
        command.Subcommands.Add(Export());
        return command;
    }

    private static Option<string?> RulesOption() =>
        new("--rules") { Description = "Rule-pack directory (default: TACECDS_RULES, the repository's rules/, or the copy next to the binary)." };

    private static Command List()
    {
        var rules = RulesOption();
        var terminology = TerminologyOption.Create();
        var command = new Command("list", "List the rule packs (id, version, evidence level, test vectors, title) in evaluation order, then the packs each one uses, " +
            "then the value sets codes are matched by (with --terminology: as the site's files change them).") { rules, terminology };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse.GetValue(rules), out var set)) return ExitCodes.BadInput;
            EngineTerminology valueSets;
            try
            {
                valueSets = parse.GetValue(terminology) is { Length: > 0 } site ? TerminologyLoader.Load(site) : EngineTerminology.BuiltIn;
            }
            catch (TerminologyException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            Console.Out.WriteLine($"rules: {set.Directory}");
            foreach (var p in set.Packs)
                Console.Out.WriteLine($"{p.Id,-22} {p.Version,-7} {p.Evidence,-10} {p.Tests.Count,3} vectors  {p.Title}");
            Console.Out.Write(DependencyGraph(set));
            Console.Out.Write(Rendering.TerminologyListing.Render(valueSets));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Test()
    {
        var rules = RulesOption();
        var vignettes = new Option<string[]>("--vignettes") { Description = "Also run vignette files (pack: + tests:) or folders of them.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("test", "Run every pack's test vectors; exit 1 if any fails.") { rules, vignettes };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse.GetValue(rules), out var set)) return ExitCodes.BadInput;
            var outcomes = VectorRunner.RunAll(set).ToList();
            try
            {
                foreach (var path in parse.GetValue(vignettes) ?? [])
                    foreach (var file in Directory.Exists(path) ? Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal).ToArray() : [path])
                        outcomes.AddRange(VectorRunner.RunVignettes(set, file));
            }
            catch (RuleLoadException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            foreach (var o in outcomes)
            {
                Console.Out.WriteLine($"{(o.Passed ? "PASS" : "FAIL")} {o.Pack} / {o.Vector}");
                foreach (var f in o.Failures) Console.Out.WriteLine($"     {o.Where}: {f}");
            }
            var failed = outcomes.Count(o => !o.Passed);
            Console.Out.WriteLine($"{outcomes.Count - failed} passed, {failed} failed");
            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static Command Export()
    {
        var rules = RulesOption();
        var format = new Option<string>("--format") { Description = "fhir: per pack a PlanDefinition (eca-rule) and a Library carrying the pack YAML (docs/fhir-artifacts.md).", Required = true };
        format.AcceptOnlyFromAmong("fhir");
        var output = new Option<string>("--out") { Description = "The folder to write PlanDefinition-<id>.json and Library-<id>.json into (created if missing).", Required = true };
        var command = new Command("export", "Export every rule pack as FHIR R4 knowledge artifacts.") { rules, format, output };
        command.SetAction(parse =>
        {
            if (!TryLoad(parse.GetValue(rules), out var set)) return ExitCodes.BadInput;
            try
            {
                foreach (var path in PackExport.Write(set, parse.GetValue(output)!)) Console.Out.WriteLine(path);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>The packs that read other packs' results, one line each: <c>stop-tace uses cci-2022, jsh-2014</c>.</summary>
    public static string DependencyGraph(RuleSet set)
    {
        var users = set.Packs.Where(p => p.Uses.Count > 0).ToList();
        var sb = new System.Text.StringBuilder();
        sb.AppendLine();
        if (users.Count == 0) return sb.AppendLine("dependencies: none (no pack uses another pack's results)").ToString();
        sb.AppendLine("dependencies (a pack is evaluated after the packs it uses):");
        foreach (var p in users) sb.AppendLine($"  {p.Id} uses {string.Join(", ", p.Uses.Select(u => u.Id))}");
        return sb.ToString();
    }

    private static bool TryLoad(string? directory, out RuleSet set)
    {
        try
        {
            set = RulePackLoader.LoadDirectory(RulesDirectory.ResolveForProcess(directory));
            return true;
        }
        catch (RuleLoadException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            set = null!;
            return false;
        }
    }
}
