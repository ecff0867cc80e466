using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>MedicationAdministration (http://hl7.org/fhir/R4/medicationadministration.html).</summary>
internal static class MedicationAdministrationReader
{
    public static MedicationAdministration Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        var medication = new ChoiceSlot("medication");
        var effective = new ChoiceSlot("effective");
        string? status = null;
        Reference? subject = null;
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "status": status = P.ReadCode(c, p.Value); break;
                case "subject": subject = D.ReadReference(c, p.Value); break;
                default: _ = common.TryRead(c, p) || medication.TryRead(c, p) || effective.TryRead(c, p); break;
            }
        });
        return new MedicationAdministration
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Status = status, Medication = medication.Value, Subject = subject, Effective = effective.Value,
        };
    }
}
