using System.Text.Json.Nodes;
using TaceCds.Service.Errors;
using TaceCds.Service.Hooks;

namespace TaceCds.Service.Discovery;

/// <summary><c>GET /cds-services</c>: every service with its hook, title, description and prefetch templates (CDS Hooks 2.0.1 §Discovery).</summary>
public static class DiscoveryEndpoint
{
    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        var document = Document();
        app.MapGet("/cds-services", () => new CdsJsonResult(document.DeepClone()));
        return app;
    }

    public static JsonObject Document() => new()
    {
        ["services"] = new JsonArray(ServiceCatalog.All.Select(s => (JsonNode?)new JsonObject
        {
            ["hook"] = s.Hook,
            ["title"] = s.Title,
            ["description"] = s.Description,
            ["id"] = s.Id,
            ["prefetch"] = new JsonObject(s.Prefetch.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        }).ToArray()),
    };
}
