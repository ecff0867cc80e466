using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>ServiceRequest members in R4 order.</summary>
internal static class ServiceRequestWriter
{
    public static void WriteMembers(Utf8JsonWriter w, ServiceRequest r)
    {
        O.String(w, "status", r.Status);
        O.String(w, "intent", r.Intent);
        O.Object(w, "code", r.Code, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.Object(w, "subject", r.Subject, D.WriteReference, D.HasReference);
        O.DateTime(w, "authoredOn", r.AuthoredOn);
    }
}
