using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Patient (http://hl7.org/fhir/R4/patient.html).</summary>
internal static class PatientReader
{
    public static Patient Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        var deceased = new ChoiceSlot("deceased");
        IReadOnlyList<Identifier> identifier = [];
        bool? active = null;
        IReadOnlyList<HumanName> name = [];
        string? gender = null;
        FhirDateTime? birthDate = null;
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "identifier": identifier = ObjectReader.ReadArray(c, p.Value, D.ReadIdentifier); break;
                case "active": active = P.ReadBoolean(c, p.Value); break;
                case "name": name = ObjectReader.ReadArray(c, p.Value, D.ReadHumanName); break;
                case "gender": gender = P.ReadCode(c, p.Value); break;
                case "birthDate": birthDate = P.ReadDateTime(c, p.Value, "date"); break;
                default: _ = common.TryRead(c, p) || deceased.TryRead(c, p); break;
            }
        });
        return new Patient
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Identifier = identifier, Active = active, Name = name, Gender = gender, BirthDate = birthDate, Deceased = deceased.Value,
        };
    }
}
