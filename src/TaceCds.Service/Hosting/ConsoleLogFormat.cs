namespace TaceCds.Service.Hosting;

/// <summary>
/// <c>TaceCds:LogFormat</c> (<c>tacecds serve --log-format</c>): <c>text</c> (the default console lines) or <c>json</c>,
/// one JSON object per line for a log collector. The format changes nothing about what is logged: log messages
/// never hold patient data or tokens, and scopes (which could carry request data) are left out.
/// </summary>
public static class ConsoleLogFormat
{
    public const string Key = ServiceSettings.Section + ":LogFormat";

    public static void Apply(WebApplicationBuilder builder)
    {
        var format = builder.Configuration[Key];
        if (string.IsNullOrEmpty(format) || string.Equals(format, "text", StringComparison.OrdinalIgnoreCase)) return;
        if (!string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            throw new StartupRefusedException($"{Key} must be 'text' or 'json', got '{format}'");
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = false;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
    }
}
