using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Writes a choice element under the name its type gives it: prefix + type (<c>valueQuantity</c>, <c>effectiveDateTime</c>).</summary>
internal static class ChoiceWriter
{
    public static void Write(Utf8JsonWriter w, string prefix, Element? value)
    {
        if (value is null || !HasContent(value)) return;
        var name = R4DataTypes.PropertyName(prefix, value.FhirTypeName);
        switch (value)
        {
            case FhirBoolean b: w.WriteBoolean(name, b.Value); break;
            case FhirInteger i: w.WriteNumber(name, i.Value); break;
            case FhirDecimal d: w.WriteNumber(name, d.Value); break;
            case FhirString s: w.WriteString(name, s.Value); break;
            case FhirDateTimeValue dt: w.WriteString(name, dt.Value.Value); break;
            case FhirTime t: w.WriteString(name, t.Value); break;
            case Quantity q: WriteObject(w, name, q, D.WriteQuantity); break;
            case CodeableConcept cc: WriteObject(w, name, cc, D.WriteCodeableConcept); break;
            case Coding c: WriteObject(w, name, c, D.WriteCoding); break;
            case Model.Range r: WriteObject(w, name, r, D.WriteRange); break;
            case Ratio r: WriteObject(w, name, r, D.WriteRatio); break;
            case Period p: WriteObject(w, name, p, D.WritePeriod); break;
            case Reference r: WriteObject(w, name, r, D.WriteReference); break;
            case Identifier i: WriteObject(w, name, i, D.WriteIdentifier); break;
            case Annotation a: WriteObject(w, name, a, D.WriteAnnotation); break;
            case HumanName n: WriteObject(w, name, n, D.WriteHumanName); break;
            case Meta m: WriteObject(w, name, m, D.WriteMeta); break;
            default: throw new ArgumentException($"{value.GetType().Name} cannot be the value of {prefix}[x]", nameof(value));
        }
    }

    public static bool HasContent(Element value) => value switch
    {
        FhirString s => s.Value.Length > 0,
        FhirTime t => t.Value.Length > 0,
        Quantity q => D.HasQuantity(q),
        CodeableConcept cc => D.HasCodeableConcept(cc),
        Coding c => D.HasCoding(c),
        Model.Range r => D.HasRange(r),
        Ratio r => D.HasRatio(r),
        Period p => D.HasPeriod(p),
        Reference r => D.HasReference(r),
        Identifier i => D.HasIdentifier(i),
        Annotation a => D.HasAnnotation(a),
        HumanName n => D.HasHumanName(n),
        Meta m => D.HasMeta(m),
        _ => true,
    };

    private static void WriteObject<T>(Utf8JsonWriter w, string name, T value, Action<Utf8JsonWriter, T> writeMembers)
    {
        w.WriteStartObject(name);
        writeMembers(w, value);
        w.WriteEndObject();
    }
}
