using System.CommandLine;
using TaceCds.Cli.Commands;

// One line per command; each command lives in Commands/<Name>Command.cs.
var root = new RootCommand("TaceCds: clinical decision support for TACE in hepatocellular carcinoma.");
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(FhirPathCommand.Create());
root.Subcommands.Add(ImportDicomCommand.Create());
root.Subcommands.Add(AuditCommand.Create());
root.Subcommands.Add(RulesCommand.Create());
root.Subcommands.Add(BoardCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(WorklistCommand.Create());
root.Subcommands.Add(BulkExportCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
return root.Parse(args).Invoke();
