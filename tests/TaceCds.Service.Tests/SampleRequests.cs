using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TaceCds.Service.Hooks;
using TaceCds.Testing;

namespace TaceCds.Service.Tests;

/// <summary>CDS Hooks requests built from the sample Bundles (samples/pNN.json), with full, partial or no prefetch.</summary>
public static class SampleRequests
{
    public static string SamplesFolder => RepoPaths.InRepo("samples");

    public static IReadOnlyList<string> PatientIds { get; } =
        Directory.GetFiles(SamplesFolder, "p*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static JsonObject Bundle(string patientId) => (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesFolder, patientId + ".json")))!;

    /// <summary>Every prefetch key of the services, filled from the sample as a client would (a searchset per search, the Patient for the read).</summary>
    public static JsonObject FullPrefetch(string patientId)
    {
        var resources = ((JsonArray)Bundle(patientId)["entry"]!).Select(e => e!["resource"]!).ToList();
        var prefetch = new JsonObject();
        foreach (var (key, template) in ServiceCatalog.PatientPrefetch)
        {
            var type = template.Split('/', '?')[0];
            var matching = resources.Where(r => (string?)r["resourceType"] == type).ToList();
            prefetch[key] = template.Contains('?')
                ? new JsonObject
                {
                    ["resourceType"] = "Bundle",
                    ["type"] = "searchset",
                    ["total"] = matching.Count,
                    ["entry"] = new JsonArray(matching.Select(r => (JsonNode?)new JsonObject { ["resource"] = r.DeepClone() }).ToArray()),
                }
                : matching.Single().DeepClone();
        }
        return prefetch;
    }

    public static JsonObject PatientView(string patientId, JsonObject? prefetch = null)
    {
        var request = new JsonObject
        {
            ["hook"] = HookDefinitions.PatientView,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
        };
        if (prefetch is not null) request["prefetch"] = prefetch.DeepClone();
        return request;
    }

    /// <summary>An order-select or order-sign call with one draft order (TACE by default), selected on order-select.</summary>
    public static JsonObject Order(string hook, string patientId, JsonObject? prefetch = null, string system = "https://tacecds.org/fhir/CodeSystem/tacecds", string code = "tace", string orderId = "draft-tace-1")
    {
        var order = new JsonObject
        {
            ["resourceType"] = "ServiceRequest",
            ["id"] = orderId,
            ["status"] = "draft",
            ["intent"] = "order",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
        };
        var context = new JsonObject
        {
            ["userId"] = "Practitioner/example",
            ["patientId"] = patientId,
            // No Bundle.type, as the CDS Hooks sandbox sends it.
            ["draftOrders"] = new JsonObject { ["resourceType"] = "Bundle", ["entry"] = new JsonArray(new JsonObject { ["resource"] = order }) },
        };
        if (hook == HookDefinitions.OrderSelect) context["selections"] = new JsonArray("ServiceRequest/" + orderId);
        var request = new JsonObject { ["hook"] = hook, ["hookInstance"] = Guid.NewGuid().ToString(), ["context"] = context };
        if (prefetch is not null) request["prefetch"] = prefetch.DeepClone();
        return request;
    }

    public static HttpContent Json(JsonNode body) => Json(body.ToJsonString());

    public static HttpContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(HttpClient client, string serviceId, JsonNode request)
    {
        var response = await client.PostAsync("/cds-services/" + serviceId, Json(request));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The cards without their random uuids and board link tokens, for comparing two answers.</summary>
    public static string CardsWithoutUuids(JsonNode? body)
    {
        var copy = body!.DeepClone();
        Strip(copy);
        return copy.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                o.Remove("uuid");
                if (o["type"]?.GetValue<string>() == "absolute" && o["url"]?.GetValue<string>() is { } url && url.Contains("?t=", StringComparison.Ordinal))
                    o["url"] = url[..url.IndexOf("?t=", StringComparison.Ordinal)];
                if (o["resourceType"] is not null && o["id"] is not null && (string?)o["resourceType"] == "ServiceRequest" && o["status"]?.GetValue<string>() == "draft") o.Remove("id");
                foreach (var (_, child) in o) Strip(child);
            }
            else if (node is JsonArray a) foreach (var child in a) Strip(child);
        }
    }
}
