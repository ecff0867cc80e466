using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TaceCds.Service.Telemetry;

/// <summary>
/// One hook call's span (<c>cds.hook_call</c>) and metrics, opened by the handler and closed with the answer's status
/// and cards. A call that ends in an unexpected fault is counted with status 500.
/// </summary>
public sealed class HookCallTelemetry(CdsMetrics metrics) : IDisposable
{
    private readonly Stopwatch _clock = new();
    private Activity? _activity;
    private string _serviceId = "";
    private string? _hook;
    private int _status = 500;
    private bool _ended;

    public void Start(string serviceId)
    {
        _serviceId = serviceId;
        _clock.Restart();
        _activity = CdsTelemetry.Source.StartActivity("cds.hook_call", ActivityKind.Internal);
        _activity?.SetTag("cds.service", serviceId);
    }

    public void Answered(string? hook, int status, JsonArray? cards)
    {
        (_hook, _status) = (hook, status);
        if (cards is null) return;
        foreach (var card in cards)
        {
            var indicator = card?["indicator"]?.GetValue<string>() ?? "unknown";
            var rule = card?["source"]?["topic"]?["code"]?.GetValue<string>() ?? "none";
            metrics.Card(_serviceId, indicator, rule);
        }
        _activity?.SetTag("cds.cards", cards.Count);
    }

    /// <summary>A child span of the call (e.g. <c>cds.evaluate</c>), null when nobody listens.</summary>
    public static Activity? Step(string name) => CdsTelemetry.Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>Ends the call once (the handler's <c>using</c> and the request scope both dispose it).</summary>
    public void Dispose()
    {
        if (_ended) return;
        _ended = true;
        metrics.HookCall(_serviceId, _hook, _status, _clock.Elapsed);
        if (_activity is null) return;
        _activity.SetTag("cds.hook", CdsTelemetry.HookTag(_hook));
        _activity.SetTag("http.response.status_code", _status);
        if (_status >= 500) _activity.SetStatus(ActivityStatusCode.Error);
        _activity.Dispose();
    }
}
