using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>OperationOutcome members in R4 order.</summary>
internal static class OperationOutcomeWriter
{
    public static void WriteMembers(Utf8JsonWriter w, OperationOutcome r) =>
        O.Array(w, "issue", r.Issue, WriteIssue, _ => true); // severity and code are required, so an issue is never empty

    private static void WriteIssue(Utf8JsonWriter w, OperationOutcomeIssue i)
    {
        O.String(w, "severity", i.Severity);
        O.String(w, "code", i.Code);
        O.Object(w, "details", i.Details, D.WriteCodeableConcept, D.HasCodeableConcept);
        O.String(w, "diagnostics", i.Diagnostics);
        O.StringArray(w, "expression", i.Expression);
    }
}
