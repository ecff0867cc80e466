using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Observation members in R4 order.</summary>
internal static class ObservationWriter
{
    public static void WriteMembers(Utf8JsonWriter w, Observation r)
    {
        O.Array(w, "identifier", r.Identifier, D.WriteIdentifier, D.HasIdentifier);
        O.String(w, "status", r.Status);
        O.Array(w, "category", r.Category, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "code", r.Code, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        O.Array(w, "focus", r.Focus, D.WriteReference, D.HasReference);
        O.Object(w, "encounter", r.Encounter, D.WriteReference, D.HasReference);
        ChoiceWriter.Write(w, "effective", r.Effective);
        O.DateTime(w, "issued", r.Issued);
        ChoiceWriter.Write(w, "value", r.Value);
        O.Object(w, "dataAbsentReason", r.DataAbsentReason, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Array(w, "interpretation", r.Interpretation, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Array(w, "note", r.Note, D.WriteAnnotation, D.HasAnnotation);
        O.Object(w, "bodySite", r.BodySite, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "method", r.Method, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "specimen", r.Specimen, D.WriteReference, D.HasReference);
        O.Array(w, "hasMember", r.HasMember, D.WriteReference, D.HasReference);
        O.Array(w, "derivedFrom", r.DerivedFrom, D.WriteReference, D.HasReference);
        O.Array(w, "component", r.Component, WriteComponent, HasComponent);
    }

    private static bool HasComponent(ObservationComponent c) =>
        (c.Code is { } code && D.HasCodeableConcept(code)) || (c.Value is { } v && ChoiceWriter.HasContent(v))
        || (c.DataAbsentReason is { } d && D.HasCodeableConcept(d));

    private static void WriteComponent(Utf8JsonWriter w, ObservationComponent c)
    {
        O.Object(w, "code", c.Code, D.WriteCodeableConcept, D.HasCodeableConcept);
        ChoiceWriter.Write(w, "value", c.Value);
        O.Object(w, "dataAbsentReason", c.DataAbsentReason, D.WriteCodeableConcept, D.HasCodeableConcept);
    }
}
