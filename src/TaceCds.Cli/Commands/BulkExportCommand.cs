using System.CommandLine;
using System.Globalization;
using TaceCds.Fhir.Bulk;
using TaceCds.Fhir.Client;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds bulk-export</c>: a FHIR Bulk Data export into a folder of NDJSON files that <c>evaluate --ndjson</c> reads
/// (<see cref="BulkExportClient"/>). Resumable: run it again with the same arguments and --out to go on. Ctrl-C or
/// <c>--cancel</c> deletes the export on the server. Errors are one line with a BULK1xx code, exit 1.
/// </summary>
public static class BulkExportCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--fhir-server") { Description = "The FHIR R4 server's base URL.", Required = true };
        var group = new Option<string?>("--group") { Description = "Export the members of this Group (Group/[id]/$export); default every patient (Patient/$export)." };
        var since = new Option<string?>("--since") { Description = "Only resources changed since this FHIR instant (_since), e.g. 2025-01-01T00:00:00Z." };
        var types = new Option<string[]>("--type") { Description = "Only these resource types (_type; repeatable or comma-separated).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "The folder for the NDJSON files and the resume state.", Required = true };
        var token = new Option<string?>("--token") { Description = "Bearer token (or TACECDS_FHIR_TOKEN). Never logged." };
        var clientId = new Option<string?>("--client-id") { Description = "SMART Backend Services: the registered client id (with --private-key and --token-url)." };
        var privateKey = new Option<string?>("--private-key") { Description = "SMART Backend Services: PEM file of the client's RSA (RS384) or P-384 EC (ES384) private key." };
        var keyId = new Option<string?>("--key-id") { Description = "SMART Backend Services: the kid of that key in the client's JWKS." };
        var tokenUrl = new Option<string?>("--token-url") { Description = "SMART Backend Services: the token endpoint (from the server's .well-known/smart-configuration)." };
        var scope = new Option<string>("--scope") { Description = "SMART Backend Services scope.", DefaultValueFactory = _ => "system/*.read" };
        var maxFileBytes = new Option<long>("--max-file-bytes") { Description = "Largest NDJSON file accepted (BULK103 beyond).", DefaultValueFactory = _ => new BulkExportOptions().MaxFileBytes };
        var maxRetryAfter = new Option<int>("--max-retry-after") { Description = "Longest wait between status polls in seconds, whatever Retry-After asks.", DefaultValueFactory = _ => 120 };
        var maxWait = new Option<int>("--max-wait") { Description = "Seconds to poll before stopping (BULK106); a new run resumes.", DefaultValueFactory = _ => 6 * 3600 };
        var cancel = new Option<bool>("--cancel") { Description = "Cancel the export recorded in --out (DELETE on its status URL) and stop." };

        var command = new Command("bulk-export", "Run (or resume) a FHIR Bulk Data export into a folder of NDJSON files.")
        {
            server, group, since, types, output, token, clientId, privateKey, keyId, tokenUrl, scope, maxFileBytes, maxRetryAfter, maxWait, cancel,
        };
        command.SetAction(parse =>
        {
            if (!Uri.TryCreate(parse.GetValue(server), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                return Fail($"--fhir-server must be an absolute http(s) URL, got '{parse.GetValue(server)}'", ExitCodes.BadInput);
            var folder = parse.GetValue(output)!;
            var access = new FhirServerAccess(baseUrl);
            var guard = new FhirConnectGuard();
            using var http = new HttpClient(guard.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
            Console.CancelKeyPress += onCancel;
            SmartBackendToken? smart = null;
            try
            {
                BulkTokenSource auth;
                if (parse.GetValue(clientId) is { } client)
                {
                    if (parse.GetValue(privateKey) is not { } keyFile || parse.GetValue(tokenUrl) is not { } tokenText
                        || !Uri.TryCreate(tokenText, UriKind.Absolute, out var tokenEndpoint))
                        return Fail("--client-id needs --private-key FILE and an absolute --token-url", ExitCodes.BadInput);
                    auth = smart = new SmartBackendToken(tokenEndpoint, client, keyFile, parse.GetValue(scope)!, parse.GetValue(keyId), access.Network);
                }
                else auth = BulkTokenSource.Bearer(parse.GetValue(token) ?? Environment.GetEnvironmentVariable("TACECDS_FHIR_TOKEN"));
                var options = new BulkExportOptions
                {
                    MaxFileBytes = parse.GetValue(maxFileBytes),
                    MaxRetryAfter = TimeSpan.FromSeconds(parse.GetValue(maxRetryAfter)),
                    MaxWait = TimeSpan.FromSeconds(parse.GetValue(maxWait)),
                };
                var exporter = new BulkExportClient(http, access, auth, options);
                if (parse.GetValue(cancel))
                {
                    var cancelled = exporter.CancelAsync(folder).GetAwaiter().GetResult();
                    Console.Out.WriteLine(cancelled ? "cancelled: the server was asked to delete the export" : "nothing to cancel in " + folder);
                    return ExitCodes.Ok;
                }
                var request = new BulkExportRequest(parse.GetValue(group), parse.GetValue(since),
                    [.. (parse.GetValue(types) ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]);
                var files = exporter.RunAsync(request, folder, line => Console.Error.WriteLine(line), cts.Token).GetAwaiter().GetResult();
                var counted = files.Sum(f => f.Count ?? 0);
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {files.Count} file(s) to {folder} ({counted} resources by the manifest's counts); evaluate them with: tacecds evaluate --ndjson {folder} --as-of YYYY-MM-DD"));
                return ExitCodes.Ok;
            }
            catch (BulkExportException ex) { return Fail(ex.Message, ExitCodes.Failed); }
            catch (IOException ex) { return Fail(ex.Message, ExitCodes.BadInput); }
            catch (UnauthorizedAccessException ex) { return Fail(ex.Message, ExitCodes.BadInput); }
            finally
            {
                Console.CancelKeyPress -= onCancel;
                smart?.Dispose();
            }
        });
        return command;
    }

    private static int Fail(string message, int code)
    {
        Console.Error.WriteLine("error: " + message.ReplaceLineEndings(" "));
        return code;
    }
}
