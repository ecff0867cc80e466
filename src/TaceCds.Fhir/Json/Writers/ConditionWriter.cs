using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Condition members in R4 order.</summary>
internal static class ConditionWriter
{
    public static void WriteMembers(Utf8JsonWriter w, Condition r)
    {
        O.Object(w, "clinicalStatus", r.ClinicalStatus, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "verificationStatus", r.VerificationStatus, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Array(w, "category", r.Category, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "code", r.Code, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        ChoiceWriter.Write(w, "onset", r.Onset);
        O.DateTime(w, "recordedDate", r.RecordedDate);
        O.Array(w, "note", r.Note, D.WriteAnnotation, D.HasAnnotation);
    }
}
