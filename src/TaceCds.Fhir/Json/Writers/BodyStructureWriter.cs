using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>BodyStructure members in R4 order.</summary>
internal static class BodyStructureWriter
{
    public static void WriteMembers(Utf8JsonWriter w, BodyStructure r)
    {
        O.Array(w, "identifier", r.Identifier, D.WriteIdentifier, D.HasIdentifier);
        O.Boolean(w, "active", r.Active);
        O.Object(w, "morphology", r.Morphology, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "location", r.Location, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Array(w, "locationQualifier", r.LocationQualifier, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.String(w, "description", r.Description);
        O.Object(w, "patient", r.Patient, D.WriteReference, D.HasReference);
    }
}
