using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaceCds.Service.Health;

/// <summary>
/// <c>{"status":"Healthy","checks":[{"name":"store","status":"Healthy","description":"…","durationMs":3}]}</c>.
/// Exceptions are not written (their messages can quote connection strings); the HTTP status is the framework's:
/// 200 for Healthy and Degraded, 503 for Unhealthy.
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = new JsonArray();
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            checks.Add(new JsonObject
            {
                ["name"] = name,
                ["status"] = entry.Status.ToString(),
                ["description"] = entry.Description ?? (entry.Exception is { } e ? $"check failed ({e.GetType().Name})" : null),
                ["durationMs"] = Math.Round(entry.Duration.TotalMilliseconds, 1),
            });
        }
        var body = new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = checks };
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
