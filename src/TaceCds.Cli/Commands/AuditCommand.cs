using System.CommandLine;
using System.Globalization;
using TaceCds.Cli.Rendering;
using TaceCds.Store;
using TaceCds.Store.Records;

namespace TaceCds.Cli.Commands;

/// <summary>
/// <c>tacecds audit</c>: what the service recommended and what clinicians did with it — per rule (cards shown,
/// accepted, overridden, override reasons with counts), or the hook calls / feedback themselves.
/// </summary>
public static class AuditCommand
{
    /// <summary>The store used when neither --store nor TaceCds__Store is given (the service's default too).</summary>
    public const string DefaultStore = Service.Trust.TrustSettings.DefaultStore;

    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = $"sqlite:PATH or postgres:CONNECTION-STRING (default: $TaceCds__Store as for the service, else {DefaultStore})." };
        var format = new Option<string>("--format") { Description = "table (for a person), csv or json (for export).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var view = new Option<string>("--view") { Description = "rules (per-rule outcome summary), calls (hook calls and their cards) or feedback.", DefaultValueFactory = _ => "rules" };
        view.AcceptOnlyFromAmong("rules", "calls", "feedback");
        var since = new Option<string?>("--since") { Description = "Only from this date (YYYY-MM-DD, UTC) or instant (ISO 8601) on." };
        var until = new Option<string?>("--until") { Description = "Only before this date or instant." };
        var service = new Option<string?>("--service") { Description = "Only this CDS service id." };
        var limit = new Option<int>("--limit") { Description = "Most rows listed by --view calls/feedback.", DefaultValueFactory = _ => 1000 };

        var command = new Command("audit", "List and export what was recommended and what clinicians did with it.")
            { store, format, view, since, until, service, limit };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryInstant(parse.GetValue(since), out var from)) return Fail($"--since: '{parse.GetValue(since)}' is not a date YYYY-MM-DD or an ISO 8601 instant");
            if (!TryInstant(parse.GetValue(until), out var to)) return Fail($"--until: '{parse.GetValue(until)}' is not a date YYYY-MM-DD or an ISO 8601 instant");
            if (parse.GetValue(limit) < 1) return Fail("--limit must be at least 1");
            var spec = parse.GetValue(store) ?? Environment.GetEnvironmentVariable("TaceCds__Store") ?? DefaultStore;
            var query = new AuditQuery { Since = from, Until = to, ServiceId = parse.GetValue(service), Limit = parse.GetValue(limit) };
            try
            {
                var location = StoreLocation.Parse(spec);
                // Reading an audit must not create an empty store where the user mistyped a path.
                if (location.Backend == StoreLocation.Sqlite && !File.Exists(location.Target))
                    return Fail($"no store at {location.Target}");
                await using var opened = await CdsStore.OpenAsync(location, TimeProvider.System, ct);
                var output = (parse.GetValue(view), parse.GetValue(format)) switch
                {
                    ("calls", var f) => AuditRendering.Calls(await opened.ListHookCallsAsync(query, ct), f!),
                    ("feedback", var f) => AuditRendering.Feedback(await opened.ListFeedbackAsync(query, ct), f!),
                    (_, var f) => AuditRendering.Rules(await opened.SummarizeAsync(query, ct), f!),
                };
                Console.Out.Write(output);
                return ExitCodes.Ok;
            }
            catch (StoreException e)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            instant = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            instant = at;
            return true;
        }
        return false;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
