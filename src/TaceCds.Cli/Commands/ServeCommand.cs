using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds serve</c>: the CDS Hooks service, on 127.0.0.1:5858 unless told where (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>Kestrel:Endpoints</c>), with local defaults — the samples/ Bundles as a read-only data source, so discovery and a
/// patient-view without prefetch work on a fresh machine. Production settings come from configuration and environment
/// variables (docs/configuration.md, docs/deployment.md). A configuration the service must not run with exits 2.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = $"TCP port on 127.0.0.1 (default {Service.Program.DefaultPort}); --urls for any other address." };
        var urls = new Option<string?>("--urls") { Description = "Listening URLs, ';'-separated (e.g. http://0.0.0.0:8080;https://0.0.0.0:8443); overrides ASPNETCORE_URLS." };
        var logFormat = new Option<string?>("--log-format") { Description = "Console logs as 'text' (default) or 'json' (one object per line)." };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var data = new Option<string[]>("--data") { Description = "Bundle files or folders served as the local FHIR data (default: the repository's samples/)." };
        var noData = new Option<bool>("--no-local-data") { Description = "Serve no local data: calls need prefetch or a fhirServer (else 412)." };
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate as of this day (YYYY-MM-DD) instead of today." };
        var store = new Option<string?>("--store") { Description = $"Audit, feedback and JWT replay store: sqlite:PATH or postgres:CONNECTION-STRING (default {Service.Trust.TrustSettings.DefaultStore})." };
        var noAuth = new Option<bool>("--no-auth") { Description = "Demo only: accept calls without a client JWT. Refused unless every listening address is loopback." };
        var terminology = TerminologyOption.Create();
        var command = new Command("serve", "Run the CDS Hooks service.") { port, urls, data, noData, asOf, store, noAuth, logFormat, terminology };
        command.SetAction(parse =>
        {
            var explicitSettings = new Dictionary<string, string?>();
            if (parse.GetValue(asOf) is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    return Fail($"--as-of must be a date YYYY-MM-DD, got '{day}'");
                explicitSettings["TaceCds:AsOf"] = day;
            }
            var defaults = new Dictionary<string, string?>();
            if (!parse.GetValue(noData))
            {
                var paths = parse.GetValue(data) is { Length: > 0 } given ? given : DefaultSamples() is { } samples ? [samples] : [];
                var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
                if (missing is not null) return Fail($"{missing}: no such file or folder");
                if (paths.Length > 0) (parse.GetValue(data) is { Length: > 0 } ? explicitSettings : defaults)["TaceCds:LocalData"] = string.Join(";", paths);
            }
            else explicitSettings["TaceCds:LocalData"] = "";
            if (parse.GetValue(store) is { } storeSpec) explicitSettings["TaceCds:Store"] = storeSpec;
            if (parse.GetValue(terminology) is { Length: > 0 } site) explicitSettings["TaceCds:Terminology:Paths"] = string.Join(";", site.Select(Path.GetFullPath));
            if (parse.GetValue(noAuth)) explicitSettings["TaceCds:Auth:Enabled"] = "false";
            if (parse.GetValue(logFormat) is { } format) explicitSettings[Service.Hosting.ConsoleLogFormat.Key] = format;
            if (parse.GetValue(urls) is not null && parse.GetValue(port) is not null) return Fail("give --urls or --port, not both");
            if (parse.GetValue(urls) is { } listenOn) explicitSettings["urls"] = listenOn;
            else if (parse.GetValue(port) is { } localPort) explicitSettings["urls"] = $"http://127.0.0.1:{localPort}";
            WebApplication app;
            try
            {
                app = Service.Program.Build([], builder =>
                {
                    // Built-in defaults first, so appsettings and environment variables (TaceCds__LocalData…) override them;
                    // options given on this command line last, so they override everything.
                    builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
                    builder.Configuration.AddInMemoryCollection(explicitSettings);
                });
            }
            catch (Service.Hosting.StartupRefusedException refused)
            {
                return Fail(refused.Message);
            }
            app.Start();
            // The JSON log format keeps the console machine-readable: Kestrel's own log line names the addresses there.
            if (parse.GetValue(logFormat) != "json")
            {
                foreach (var address in app.Urls) Console.Error.WriteLine($"tacecds: CDS Hooks service on {address}/cds-services (Ctrl+C stops)");
                if (parse.GetValue(noAuth))
                    Console.Error.WriteLine("tacecds: WARNING: AUTHENTICATION IS OFF (--no-auth). Any local process can call this service. Demo use only.");
            }
            app.WaitForShutdown();
            return ExitCodes.Ok;
        });
        return command;
    }

    // samples/ of the repository the CLI runs from (found above the current folder, then above the binary).
    private static string? DefaultSamples()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var samples = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")) && Directory.Exists(samples)) return samples;
            }
        }
        return null;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return ExitCodes.BadInput;
    }
}
