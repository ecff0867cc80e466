using System.CommandLine;
using System.Reflection;

namespace TaceCds.Cli.Commands;

public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the engine version.");
        command.SetAction(_ =>
        {
            Console.Out.WriteLine(EngineVersion.Current);
            return ExitCodes.Ok;
        });
        return command;
    }
}

public static class EngineVersion
{
    public static string Current { get; } =
        typeof(EngineVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
