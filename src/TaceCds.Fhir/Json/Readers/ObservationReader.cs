using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Observation (http://hl7.org/fhir/R4/observation.html).</summary>
internal static class ObservationReader
{
    public static Observation Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        var effective = new ChoiceSlot("effective");
        var value = new ChoiceSlot("value");
        IReadOnlyList<Identifier> identifier = [];
        string? status = null;
        IReadOnlyList<CodeableConcept> category = [], interpretation = [];
        CodeableConcept? code = null, dataAbsentReason = null, bodySite = null, method = null;
        Reference? subject = null, encounter = null, specimen = null;
        IReadOnlyList<Reference> focus = [], hasMember = [], derivedFrom = [];
        FhirDateTime? issued = null;
        IReadOnlyList<Annotation> note = [];
        IReadOnlyList<ObservationComponent> component = [];
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "identifier": identifier = ObjectReader.ReadArray(c, p.Value, D.ReadIdentifier); break;
                case "status": status = P.ReadCode(c, p.Value); break;
                case "category": category = ObjectReader.ReadArray(c, p.Value, D.ReadCodeableConcept); break;
                case "code": code = D.ReadCodeableConcept(c, p.Value); break;
                case "subject": subject = D.ReadReference(c, p.Value); break;
                case "focus": focus = ObjectReader.ReadArray(c, p.Value, D.ReadReference); break;
                case "encounter": encounter = D.ReadReference(c, p.Value); break;
                case "issued": issued = P.ReadDateTime(c, p.Value, "instant"); break;
                case "dataAbsentReason": dataAbsentReason = D.ReadCodeableConcept(c, p.Value); break;
                case "interpretation": interpretation = ObjectReader.ReadArray(c, p.Value, D.ReadCodeableConcept); break;
                case "note": note = ObjectReader.ReadArray(c, p.Value, D.ReadAnnotation); break;
                case "bodySite": bodySite = D.ReadCodeableConcept(c, p.Value); break;
                case "method": method = D.ReadCodeableConcept(c, p.Value); break;
                case "specimen": specimen = D.ReadReference(c, p.Value); break;
                case "hasMember": hasMember = ObjectReader.ReadArray(c, p.Value, D.ReadReference); break;
                case "derivedFrom": derivedFrom = ObjectReader.ReadArray(c, p.Value, D.ReadReference); break;
                case "component": component = ObjectReader.ReadArray(c, p.Value, ReadComponent); break;
                default: _ = common.TryRead(c, p) || effective.TryRead(c, p) || value.TryRead(c, p); break;
            }
        });
        return new Observation
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Identifier = identifier, Status = status, Category = category, Code = code, Subject = subject, Focus = focus,
            Encounter = encounter, Effective = effective.Value, Issued = issued, Value = value.Value,
            DataAbsentReason = dataAbsentReason, Interpretation = interpretation, Note = note, BodySite = bodySite,
            Method = method, Specimen = specimen, HasMember = hasMember, DerivedFrom = derivedFrom, Component = component,
        };
    }

    private static ObservationComponent ReadComponent(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        var value = new ChoiceSlot("value");
        CodeableConcept? code = null, dataAbsentReason = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "code": code = D.ReadCodeableConcept(c, p.Value); break;
                case "dataAbsentReason": dataAbsentReason = D.ReadCodeableConcept(c, p.Value); break;
                default: value.TryRead(c, p); break;
            }
            c.Pop();
        }
        return new ObservationComponent { Code = code, Value = value.Value, DataAbsentReason = dataAbsentReason };
    }
}
