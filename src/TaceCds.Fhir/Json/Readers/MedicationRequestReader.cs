using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>MedicationRequest (http://hl7.org/fhir/R4/medicationrequest.html).</summary>
internal static class MedicationRequestReader
{
    public static MedicationRequest Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        var medication = new ChoiceSlot("medication");
        string? status = null, intent = null;
        Reference? subject = null;
        FhirDateTime? authoredOn = null;
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "status": status = P.ReadCode(c, p.Value); break;
                case "intent": intent = P.ReadCode(c, p.Value); break;
                case "subject": subject = D.ReadReference(c, p.Value); break;
                case "authoredOn": authoredOn = P.ReadDateTime(c, p.Value); break;
                default: _ = common.TryRead(c, p) || medication.TryRead(c, p); break;
            }
        });
        return new MedicationRequest
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Status = status, Intent = intent, Medication = medication.Value, Subject = subject, AuthoredOn = authoredOn,
        };
    }
}
