using System.Text.Json;
using TaceCds.Fhir.Model;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>
/// The complex datatypes, members in the order of http://hl7.org/fhir/R4/datatypes.html. Each type has a
/// <c>Write…</c> (members only; the caller opens the object) and a <c>Has…</c> (anything to write?).
/// </summary>
internal static class DataTypeWriter
{
    public static bool HasCoding(Coding c) => O.Has(c.System) || O.Has(c.Version) || O.Has(c.Code) || O.Has(c.Display);

    public static void WriteCoding(Utf8JsonWriter w, Coding c)
    {
        O.String(w, "system", c.System);
        O.String(w, "version", c.Version);
        O.String(w, "code", c.Code);
        O.String(w, "display", c.Display);
    }

    public static bool HasCodeableConcept(CodeableConcept c) => c.Coding.Any(HasCoding) || O.Has(c.Text);

    public static void WriteCodeableConcept(Utf8JsonWriter w, CodeableConcept c)
    {
        O.Array(w, "coding", c.Coding, WriteCoding, HasCoding);
        O.String(w, "text", c.Text);
    }

    public static bool HasQuantity(Quantity q) =>
        q.Value is not null || O.Has(q.Comparator) || O.Has(q.Unit) || O.Has(q.System) || O.Has(q.Code);

    public static void WriteQuantity(Utf8JsonWriter w, Quantity q)
    {
        O.Decimal(w, "value", q.Value);
        O.String(w, "comparator", q.Comparator);
        O.String(w, "unit", q.Unit);
        O.String(w, "system", q.System);
        O.String(w, "code", q.Code);
    }

    public static bool HasRange(Model.Range r) => (r.Low is { } l && HasQuantity(l)) || (r.High is { } h && HasQuantity(h));

    public static void WriteRange(Utf8JsonWriter w, Model.Range r)
    {
        O.Object(w, "low", r.Low, WriteQuantity, HasQuantity);
        O.Object(w, "high", r.High, WriteQuantity, HasQuantity);
    }

    public static bool HasRatio(Ratio r) => (r.Numerator is { } n && HasQuantity(n)) || (r.Denominator is { } d && HasQuantity(d));

    public static void WriteRatio(Utf8JsonWriter w, Ratio r)
    {
        O.Object(w, "numerator", r.Numerator, WriteQuantity, HasQuantity);
        O.Object(w, "denominator", r.Denominator, WriteQuantity, HasQuantity);
    }

    public static bool HasPeriod(Period p) => p.Start is not null || p.End is not null;

    public static void WritePeriod(Utf8JsonWriter w, Period p)
    {
        O.DateTime(w, "start", p.Start);
        O.DateTime(w, "end", p.End);
    }

    public static bool HasIdentifier(Identifier i) => O.Has(i.Use) || O.Has(i.System) || O.Has(i.Value);

    public static void WriteIdentifier(Utf8JsonWriter w, Identifier i)
    {
        O.String(w, "use", i.Use);
        O.String(w, "system", i.System);
        O.String(w, "value", i.Value);
    }

    public static bool HasReference(Reference r) =>
        O.Has(r.ReferenceValue) || O.Has(r.Type) || (r.Identifier is { } i && HasIdentifier(i)) || O.Has(r.Display);

    public static void WriteReference(Utf8JsonWriter w, Reference r)
    {
        O.String(w, "reference", r.ReferenceValue);
        O.String(w, "type", r.Type);
        O.Object(w, "identifier", r.Identifier, WriteIdentifier, HasIdentifier);
        O.String(w, "display", r.Display);
    }

    public static bool HasAnnotation(Annotation a) => O.Has(a.AuthorString) || a.Time is not null || O.Has(a.Text);

    public static void WriteAnnotation(Utf8JsonWriter w, Annotation a)
    {
        O.String(w, "authorString", a.AuthorString);
        O.DateTime(w, "time", a.Time);
        O.String(w, "text", a.Text);
    }

    public static bool HasHumanName(HumanName n) => O.Has(n.Use) || O.Has(n.Text) || O.Has(n.Family) || n.Given.Any(O.Has);

    public static void WriteHumanName(Utf8JsonWriter w, HumanName n)
    {
        O.String(w, "use", n.Use);
        O.String(w, "text", n.Text);
        O.String(w, "family", n.Family);
        O.StringArray(w, "given", n.Given);
    }

    public static bool HasMeta(Meta m) => O.Has(m.VersionId) || m.LastUpdated is not null || m.Profile.Any(O.Has);

    public static void WriteMeta(Utf8JsonWriter w, Meta m)
    {
        O.String(w, "versionId", m.VersionId);
        O.DateTime(w, "lastUpdated", m.LastUpdated);
        O.StringArray(w, "profile", m.Profile);
    }

    /// <summary>An extension always has its url, so it is never empty.</summary>
    public static bool HasExtension(Extension e) => O.Has(e.Url);

    public static void WriteExtension(Utf8JsonWriter w, Extension e)
    {
        O.String(w, "url", e.Url);
        O.Array(w, "extension", e.Extensions, WriteExtension, HasExtension);
        ChoiceWriter.Write(w, "value", e.Value);
    }
}
