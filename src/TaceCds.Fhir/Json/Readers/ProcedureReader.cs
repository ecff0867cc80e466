using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Procedure (http://hl7.org/fhir/R4/procedure.html). <c>focus</c> is not an R4 element (R5 added it);
/// it is read when present so data written for R5 still links lesions.</summary>
internal static class ProcedureReader
{
    public static Procedure Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        var performed = new ChoiceSlot("performed");
        IReadOnlyList<Identifier> identifier = [];
        string? status = null;
        CodeableConcept? category = null, code = null;
        Reference? subject = null;
        IReadOnlyList<CodeableConcept> bodySite = [];
        IReadOnlyList<Reference> focus = [];
        IReadOnlyList<Annotation> note = [];
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "identifier": identifier = ObjectReader.ReadArray(c, p.Value, D.ReadIdentifier); break;
                case "status": status = P.ReadCode(c, p.Value); break;
                case "category": category = D.ReadCodeableConcept(c, p.Value); break;
                case "code": code = D.ReadCodeableConcept(c, p.Value); break;
                case "subject": subject = D.ReadReference(c, p.Value); break;
                case "bodySite": bodySite = ObjectReader.ReadArray(c, p.Value, D.ReadCodeableConcept); break;
                case "focus": focus = ObjectReader.ReadArray(c, p.Value, D.ReadReference); break;
                case "note": note = ObjectReader.ReadArray(c, p.Value, D.ReadAnnotation); break;
                default: _ = common.TryRead(c, p) || performed.TryRead(c, p); break;
            }
        });
        return new Procedure
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Identifier = identifier, Status = status, Category = category, Code = code, Subject = subject,
            Performed = performed.Value, BodySite = bodySite, Focus = focus, Note = note,
        };
    }
}
