using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Condition (http://hl7.org/fhir/R4/condition.html).</summary>
internal static class ConditionReader
{
    public static Condition Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        var onset = new ChoiceSlot("onset");
        CodeableConcept? clinicalStatus = null, verificationStatus = null, code = null;
        IReadOnlyList<CodeableConcept> category = [];
        Reference? subject = null;
        FhirDateTime? recordedDate = null;
        IReadOnlyList<Annotation> note = [];
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "clinicalStatus": clinicalStatus = D.ReadCodeableConcept(c, p.Value); break;
                case "verificationStatus": verificationStatus = D.ReadCodeableConcept(c, p.Value); break;
                case "category": category = ObjectReader.ReadArray(c, p.Value, D.ReadCodeableConcept); break;
                case "code": code = D.ReadCodeableConcept(c, p.Value); break;
                case "subject": subject = D.ReadReference(c, p.Value); break;
                case "recordedDate": recordedDate = P.ReadDateTime(c, p.Value); break;
                case "note": note = ObjectReader.ReadArray(c, p.Value, D.ReadAnnotation); break;
                default: _ = common.TryRead(c, p) || onset.TryRead(c, p); break;
            }
        });
        return new Condition
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            ClinicalStatus = clinicalStatus, VerificationStatus = verificationStatus, Category = category, Code = code,
            Subject = subject, Onset = onset.Value, RecordedDate = recordedDate, Note = note,
        };
    }
}
