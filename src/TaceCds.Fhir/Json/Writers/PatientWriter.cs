using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Patient members in R4 order.</summary>
internal static class PatientWriter
{
    public static void WriteMembers(Utf8JsonWriter w, Patient r)
    {
        O.Array(w, "identifier", r.Identifier, D.WriteIdentifier, D.HasIdentifier);
        O.Boolean(w, "active", r.Active);
        O.Array(w, "name", r.Name, D.WriteHumanName, D.HasHumanName);
        O.String(w, "gender", r.Gender);
        O.DateTime(w, "birthDate", r.BirthDate);
        ChoiceWriter.Write(w, "deceased", r.Deceased);
    }
}
