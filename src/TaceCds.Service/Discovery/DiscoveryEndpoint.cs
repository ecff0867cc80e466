using System.Text.Json.Nodes;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;
using TaceCds.Service.Prefetch;

namespace TaceCds.Service.Discovery;

/// <summary><c>GET /cds-services</c>: every service with its hook, title, description and prefetch templates (CDS Hooks 2.0.1 §Discovery).</summary>
public static class DiscoveryEndpoint
{
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        var document = Document(app.ServiceProvider.GetRequiredService<PrefetchOverrides>());
        app.MapGet("/cds-services", () => new CdsJsonResult(document.DeepClone()));
        return app;
    }

    /// <param name="overrides">The site's prefetch templates (<c>TaceCds:Prefetch</c>), announced in place of the defaults.</param>
    public static JsonObject Document(PrefetchOverrides? overrides = null) => new()
    {
        ["services"] = new JsonArray(ServiceCatalog.All.Select(s => (JsonNode?)new JsonObject
        {
            ["hook"] = s.Hook,
            ["title"] = s.Title,
            ["description"] = s.Description,
            ["id"] = s.Id,
            ["prefetch"] = new JsonObject((overrides ?? PrefetchOverrides.None).For(s).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        }).ToArray()),
    };
}
