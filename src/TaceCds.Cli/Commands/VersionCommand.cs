using System.CommandLine;

namespace TaceCds.Cli.Commands;

public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the engine version.");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(TaceCds.Rules.Pipeline.PatientPipeline.EngineVersion);
            return ExitCodes.Ok;
        });
        return command;
    }
}
