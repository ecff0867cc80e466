using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Procedure members in R4 order. <c>focus</c> is not an R4 element; it is written (last) only when set.</summary>
internal static class ProcedureWriter
{
    public static void WriteMembers(Utf8JsonWriter w, Procedure r)
    {
        O.Array(w, "identifier", r.Identifier, D.WriteIdentifier, D.HasIdentifier);
        O.String(w, "status", r.Status);
        O.Object(w, "category", r.Category, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "code", r.Code, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        ChoiceWriter.Write(w, "performed", r.Performed);
        O.Array(w, "bodySite", r.BodySite, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Array(w, "note", r.Note, D.WriteAnnotation, D.HasAnnotation);
        O.Array(w, "focus", r.Focus, D.WriteReference, D.HasReference);
    }
}
