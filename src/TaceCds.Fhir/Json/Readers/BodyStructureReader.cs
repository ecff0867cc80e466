using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>BodyStructure (http://hl7.org/fhir/R4/bodystructure.html).</summary>
internal static class BodyStructureReader
{
    public static BodyStructure Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        IReadOnlyList<Identifier> identifier = [];
        bool? active = null;
        CodeableConcept? morphology = null, location = null;
        IReadOnlyList<CodeableConcept> locationQualifier = [];
        string? description = null;
        Reference? patient = null;
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "identifier": identifier = ObjectReader.ReadArray(c, p.Value, D.ReadIdentifier); break;
                case "active": active = P.ReadBoolean(c, p.Value); break;
                case "morphology": morphology = D.ReadCodeableConcept(c, p.Value); break;
                case "location": location = D.ReadCodeableConcept(c, p.Value); break;
                case "locationQualifier": locationQualifier = ObjectReader.ReadArray(c, p.Value, D.ReadCodeableConcept); break;
                case "description": description = P.ReadString(c, p.Value); break;
                case "patient": patient = D.ReadReference(c, p.Value); break;
                default: common.TryRead(c, p); break;
            }
        });
        return new BodyStructure
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Identifier = identifier, Active = active, Morphology = morphology, Location = location,
            LocationQualifier = locationQualifier, Description = description, Patient = patient,
        };
    }
}
