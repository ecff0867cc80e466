using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>ImagingStudy members in R4 order.</summary>
internal static class ImagingStudyWriter
{
    public static void WriteMembers(Utf8JsonWriter w, ImagingStudy r)
    {
        O.Array(w, "identifier", r.Identifier, D.WriteIdentifier, D.HasIdentifier);
        O.String(w, "status", r.Status);
        O.Array(w, "modality", r.Modality, D.WriteCoding, D.HasCoding);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        O.DateTime(w, "started", r.Started);
        O.String(w, "description", r.Description);
        O.Array(w, "series", r.Series, WriteSeries, HasSeries);
    }

    private static bool HasSeries(ImagingStudySeries s) =>
        O.Has(s.Uid) || (s.Modality is { } m && D.HasCoding(m)) || O.Has(s.Description) || BodySiteCoding(s) is not null;

    private static void WriteSeries(Utf8JsonWriter w, ImagingStudySeries s)
    {
        O.String(w, "uid", s.Uid);
        O.Object(w, "modality", s.Modality, D.WriteCoding, D.HasCoding);
        O.String(w, "description", s.Description);
        O.Object(w, "bodySite", BodySiteCoding(s), D.WriteCoding, D.HasCoding);
    }

    // R4 types series.bodySite as one Coding: the first coding of the model's CodeableConcept, or its text as display.
    private static Coding? BodySiteCoding(ImagingStudySeries s) => s.BodySite switch
    {
        null => null,
        { } cc when cc.Coding.FirstOrDefault(D.HasCoding) is { } first => first,
        { Text: { Length: > 0 } text } => new Coding { Display = text },
        _ => null,
    };
}
