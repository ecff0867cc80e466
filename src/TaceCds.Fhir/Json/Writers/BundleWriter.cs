using System.Text.Json;
using TaceCds.Fhir.Model;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Bundle members in R4 order; entry resources are written by <see cref="ResourceWriter"/>.</summary>
internal static class BundleWriter
{
    public static void WriteMembers(Utf8JsonWriter w, Bundle r, FhirJsonWriterOptions options)
    {
        O.String(w, "type", r.Type);
        O.DateTime(w, "timestamp", r.Timestamp);
        O.Integer(w, "total", r.Total);
        O.Array(w, "link", r.Link, WriteLink, l => O.Has(l.Relation) || O.Has(l.Url));
        O.Array(w, "entry", r.Entry, (w2, e) => WriteEntry(w2, e, options), HasEntry);
    }

    private static void WriteLink(Utf8JsonWriter w, BundleLink l)
    {
        O.String(w, "relation", l.Relation);
        O.String(w, "url", l.Url);
    }

    private static bool HasEntry(BundleEntry e) =>
        O.Has(e.FullUrl) || e.Resource is not null || O.Has(e.SearchMode) || (e.Request is { } q && HasRequest(q))
        || (e.Response is { } r && (O.Has(r.Status) || O.Has(r.Location)));

    private static bool HasRequest(BundleEntryRequest r) => O.Has(r.Method) || O.Has(r.Url);

    private static void WriteEntry(Utf8JsonWriter w, BundleEntry e, FhirJsonWriterOptions options)
    {
        O.String(w, "fullUrl", e.FullUrl);
        if (e.Resource is not null)
        {
            w.WritePropertyName("resource");
            ResourceWriter.Write(w, e.Resource, options);
        }
        if (O.Has(e.SearchMode))
        {
            w.WriteStartObject("search");
            w.WriteString("mode", e.SearchMode);
            w.WriteEndObject();
        }
        if (e.Request is { } request && HasRequest(request))
        {
            w.WriteStartObject("request");
            O.String(w, "method", request.Method);
            O.String(w, "url", request.Url);
            O.String(w, "ifNoneExist", request.IfNoneExist);
            w.WriteEndObject();
        }
        if (e.Response is { } response && (O.Has(response.Status) || O.Has(response.Location)))
        {
            w.WriteStartObject("response");
            O.String(w, "status", response.Status);
            O.String(w, "location", response.Location);
            w.WriteEndObject();
        }
    }
}
