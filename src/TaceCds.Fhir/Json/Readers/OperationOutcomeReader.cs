using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>OperationOutcome (http://hl7.org/fhir/R4/operationoutcome.html).</summary>
internal static class OperationOutcomeReader
{
    public static OperationOutcome Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        IReadOnlyList<OperationOutcomeIssue> issue = [];
        ResourceElements.ReadEach(c, e, p =>
        {
            if (p.Name == "issue") issue = ObjectReader.ReadArray(c, p.Value, ReadIssue);
            else common.TryRead(c, p);
        });
        return new OperationOutcome
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Issue = issue,
        };
    }

    private static OperationOutcomeIssue ReadIssue(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? severity = null, code = null, diagnostics = null;
        CodeableConcept? details = null;
        IReadOnlyList<string> expression = [];
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "severity": severity = P.ReadCode(c, p.Value); break;
                case "code": code = P.ReadCode(c, p.Value); break;
                case "details": details = D.ReadCodeableConcept(c, p.Value); break;
                case "diagnostics": diagnostics = P.ReadString(c, p.Value); break;
                case "expression": expression = P.ReadStringArray(c, p.Value, P.ReadString); break;
            }
            c.Pop();
        }
        if (severity is null) throw c.Error(FhirJsonErrorCodes.MissingRequiredElement, "issue.severity is required");
        if (code is null) throw c.Error(FhirJsonErrorCodes.MissingRequiredElement, "issue.code is required");
        return new OperationOutcomeIssue { Severity = severity, Code = code, Details = details, Diagnostics = diagnostics, Expression = expression };
    }
}
