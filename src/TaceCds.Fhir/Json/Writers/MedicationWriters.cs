using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>MedicationStatement, MedicationRequest and MedicationAdministration members in R4 order (one concept:
/// the shared <see cref="MedicationResource"/> shape).</summary>
internal static class MedicationWriters
{
    public static void WriteMembers(Utf8JsonWriter w, MedicationStatement r)
    {
        O.String(w, "status", r.Status);
        ChoiceWriter.Write(w, "medication", r.Medication);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        ChoiceWriter.Write(w, "effective", r.Effective);
        O.DateTime(w, "dateAsserted", r.DateAsserted);
    }

    public static void WriteMembers(Utf8JsonWriter w, MedicationRequest r)
    {
        O.String(w, "status", r.Status);
        O.String(w, "intent", r.Intent);
        ChoiceWriter.Write(w, "medication", r.Medication);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        O.DateTime(w, "authoredOn", r.AuthoredOn);
    }

    public static void WriteMembers(Utf8JsonWriter w, MedicationAdministration r)
    {
        O.String(w, "status", r.Status);
        ChoiceWriter.Write(w, "medication", r.Medication);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        ChoiceWriter.Write(w, "effective", r.Effective);
    }
}
