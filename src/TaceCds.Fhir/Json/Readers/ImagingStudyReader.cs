using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Readers.DataTypeReader;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>ImagingStudy (http://hl7.org/fhir/R4/imagingstudy.html).</summary>
internal static class ImagingStudyReader
{
    public static ImagingStudy Read(JsonCursor c, JsonElement e)
    {
        var common = new ResourceFields();
        IReadOnlyList<Identifier> identifier = [];
        string? status = null, description = null;
        IReadOnlyList<Coding> modality = [];
        Reference? subject = null;
        FhirDateTime? started = null;
        IReadOnlyList<ImagingStudySeries> series = [];
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "identifier": identifier = ObjectReader.ReadArray(c, p.Value, D.ReadIdentifier); break;
                case "status": status = P.ReadCode(c, p.Value); break;
                case "modality": modality = ObjectReader.ReadArray(c, p.Value, D.ReadCoding); break;
                case "subject": subject = D.ReadReference(c, p.Value); break;
                case "started": started = P.ReadDateTime(c, p.Value); break;
                case "description": description = P.ReadString(c, p.Value); break;
                case "series": series = ObjectReader.ReadArray(c, p.Value, ReadSeries); break;
                default: common.TryRead(c, p); break;
            }
        });
        return new ImagingStudy
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
            Identifier = identifier, Status = status, Modality = modality, Subject = subject, Started = started,
            Description = description, Series = series,
        };
    }

    private static ImagingStudySeries ReadSeries(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? uid = null, description = null;
        Coding? modality = null;
        CodeableConcept? bodySite = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "uid": uid = P.ReadId(c, p.Value); break;
                case "modality": modality = D.ReadCoding(c, p.Value); break;
                case "description": description = P.ReadString(c, p.Value); break;
                case "bodySite": bodySite = ReadBodySite(c, p.Value); break;
            }
            c.Pop();
        }
        return new ImagingStudySeries { Uid = uid, Modality = modality, Description = description, BodySite = bodySite };
    }

    // R4 types series.bodySite as a Coding; the model holds a CodeableConcept (R5 shape), so an R4 Coding is wrapped.
    // An object with "coding" is read as a CodeableConcept, so R5-shaped data is accepted too.
    private static CodeableConcept ReadBodySite(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        if (e.TryGetProperty("coding", out _) || e.TryGetProperty("text", out _)) return D.ReadCodeableConcept(c, e);
        return new CodeableConcept { Coding = [D.ReadCoding(c, e)] };
    }
}
