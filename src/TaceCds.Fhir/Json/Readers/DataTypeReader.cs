using System.Text.Json;
using TaceCds.Fhir.Model;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>
/// The complex datatypes of the model (http://hl7.org/fhir/R4/datatypes.html). Members we do not model
/// (e.g. Identifier.period, Coding.userSelected) and element extensions are skipped; they stay in Resource.Json.
/// </summary>
internal static class DataTypeReader
{
    public static Coding ReadCoding(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? system = null, version = null, code = null, display = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "system": system = P.ReadSystemUri(c, p.Value); break;
                case "version": version = P.ReadString(c, p.Value); break;
                case "code": code = P.ReadCode(c, p.Value); break;
                case "display": display = P.ReadString(c, p.Value); break;
            }
            c.Pop();
        }
        return new Coding { System = system, Version = version, Code = code, Display = display };
    }

    public static CodeableConcept ReadCodeableConcept(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        IReadOnlyList<Coding> coding = [];
        string? text = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "coding": coding = ObjectReader.ReadArray(c, p.Value, ReadCoding); break;
                case "text": text = P.ReadString(c, p.Value); break;
            }
            c.Pop();
        }
        return new CodeableConcept { Coding = coding, Text = text };
    }

    /// <summary>Quantity and its profiles (Age, Duration, Count, Distance, SimpleQuantity), which share its members.</summary>
    public static Quantity ReadQuantity(JsonCursor c, JsonElement e, string quantityType)
    {
        ObjectReader.RequireObject(c, e);
        decimal? value = null;
        string? comparator = null, unit = null, system = null, code = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "value": value = P.ReadDecimal(c, p.Value); break;
                case "comparator": comparator = P.ReadCode(c, p.Value); break;
                case "unit": unit = P.ReadString(c, p.Value); break;
                case "system": system = P.ReadUri(c, p.Value); break;
                case "code": code = P.ReadCode(c, p.Value); break;
            }
            c.Pop();
        }
        return new Quantity { Value = value, Comparator = comparator, Unit = unit, System = system, Code = code, QuantityType = quantityType };
    }

    public static Quantity ReadQuantity(JsonCursor c, JsonElement e) => ReadQuantity(c, e, "Quantity");

    public static Model.Range ReadRange(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        Quantity? low = null, high = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "low": low = ReadQuantity(c, p.Value); break;
                case "high": high = ReadQuantity(c, p.Value); break;
            }
            c.Pop();
        }
        return new Model.Range { Low = low, High = high };
    }

    public static Ratio ReadRatio(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        Quantity? numerator = null, denominator = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "numerator": numerator = ReadQuantity(c, p.Value); break;
                case "denominator": denominator = ReadQuantity(c, p.Value); break;
            }
            c.Pop();
        }
        return new Ratio { Numerator = numerator, Denominator = denominator };
    }

    public static Period ReadPeriod(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        FhirDateTime? start = null, end = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "start": start = P.ReadDateTime(c, p.Value); break;
                case "end": end = P.ReadDateTime(c, p.Value); break;
            }
            c.Pop();
        }
        return new Period { Start = start, End = end };
    }

    public static Identifier ReadIdentifier(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? use = null, system = null, value = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "use": use = P.ReadCode(c, p.Value); break;
                case "system": system = P.ReadUri(c, p.Value); break;
                case "value": value = P.ReadString(c, p.Value); break;
            }
            c.Pop();
        }
        return new Identifier { Use = use, System = system, Value = value };
    }

    public static Reference ReadReference(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? reference = null, type = null, display = null;
        Identifier? identifier = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "reference": reference = P.ReadString(c, p.Value); break;
                case "type": type = P.ReadUri(c, p.Value); break;
                case "identifier": identifier = ReadIdentifier(c, p.Value); break;
                case "display": display = P.ReadString(c, p.Value); break;
            }
            c.Pop();
        }
        return new Reference { ReferenceValue = reference, Type = type, Identifier = identifier, Display = display };
    }

    /// <summary>author[x] is a choice of string and Reference; only authorString is modelled.</summary>
    public static Annotation ReadAnnotation(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        var author = new ChoiceSlot("author");
        FhirDateTime? time = null;
        string? text = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "time": time = P.ReadDateTime(c, p.Value); break;
                case "text": text = P.ReadString(c, p.Value); break;
                default: author.TryRead(c, p); break;
            }
            c.Pop();
        }
        return new Annotation { AuthorString = (author.Value as FhirString)?.Value, Time = time, Text = text };
    }

    public static HumanName ReadHumanName(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? use = null, text = null, family = null;
        IReadOnlyList<string> given = [];
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "use": use = P.ReadCode(c, p.Value); break;
                case "text": text = P.ReadString(c, p.Value); break;
                case "family": family = P.ReadString(c, p.Value); break;
                case "given": given = P.ReadStringArray(c, p.Value, P.ReadString); break;
            }
            c.Pop();
        }
        return new HumanName { Use = use, Text = text, Family = family, Given = given };
    }

    public static Meta ReadMeta(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? versionId = null;
        FhirDateTime? lastUpdated = null;
        IReadOnlyList<string> profile = [];
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "versionId": versionId = P.ReadId(c, p.Value); break;
                case "lastUpdated": lastUpdated = P.ReadDateTime(c, p.Value, "instant"); break;
                case "profile": profile = P.ReadStringArray(c, p.Value, P.ReadUri); break;
            }
            c.Pop();
        }
        return new Meta { VersionId = versionId, LastUpdated = lastUpdated, Profile = profile };
    }

    /// <summary>Extension: url is required (JSON108); one value[x]; nested extensions for complex extensions.</summary>
    public static Extension ReadExtension(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? url = null;
        var value = new ChoiceSlot("value");
        IReadOnlyList<Extension> extensions = [];
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "url": url = P.ReadUri(c, p.Value); break;
                case "extension": extensions = ObjectReader.ReadArray(c, p.Value, ReadExtension); break;
                default: value.TryRead(c, p); break;
            }
            c.Pop();
        }
        if (url is null) throw c.Error(FhirJsonErrorCodes.MissingRequiredElement, "an extension must have a url");
        return new Extension { Url = url, Value = value.Value, Extensions = extensions };
    }
}
