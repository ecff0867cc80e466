using System.Globalization;
using System.Text.Json;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Model;

/// <summary>
/// Member navigation over JSON: FHIR JSON (typed by resourceType, the element table and choice suffixes such as
/// <c>valueQuantity</c>; primitive extensions from <c>_name</c> siblings) and plain fact-tree JSON (untyped).
/// </summary>
internal static class JsonNavigator
{
    public static IReadOnlyList<FhirPathValue> FromRoot(JsonElement json)
    {
        var result = new List<FhirPathValue>();
        if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
                AddValue(result, item, null, null, null);
        }
        else
        {
            AddValue(result, json, null, null, null);
        }
        return result;
    }

    /// <summary>Appends the children called <paramref name="name"/> of <paramref name="item"/> to <paramref name="output"/>.</summary>
    public static void Member(FhirPathValue item, string name, List<FhirPathValue> output)
    {
        switch (item)
        {
            case ElementValue element when element.Element.ValueKind == JsonValueKind.Object:
                if (element.IsValuelessPrimitive)
                {
                    PrimitiveMember(element.Element, name, output);
                    return;
                }
                ElementMember(element, name, output);
                return;
            case TypeInfoValue typeInfo:
                if (name == "name") output.Add(new StringValue(typeInfo.Name));
                else if (name == "namespace") output.Add(new StringValue(typeInfo.Namespace));
                return;
            default:
                if (item.PrimitiveElement is { ValueKind: JsonValueKind.Object } ext)
                    PrimitiveMember(ext, name, output);
                return;
        }
    }

    private static void PrimitiveMember(JsonElement extensionObject, string name, List<FhirPathValue> output)
    {
        if (name is "extension" or "id" && extensionObject.TryGetProperty(name, out var child))
            AddChildren(output, child, default, name == "id" ? ("string", "string") : ("Extension", "Extension"));
    }

    private static void ElementMember(ElementValue owner, string name, List<FhirPathValue> output)
    {
        var json = owner.Element;
        var typed = owner.FhirType is not null;
        (string Type, string Path)? declared = typed ? FhirElementTypes.Lookup(owner.DefinitionPath ?? owner.FhirType!, owner.FhirType!, name) : null;
        var hasValue = json.TryGetProperty(name, out var value);
        var hasExtension = typed && json.TryGetProperty("_" + name, out _);
        if (hasValue || hasExtension)
        {
            json.TryGetProperty("_" + name, out var extension);
            AddChildren(output, hasValue ? value : default, extension, declared);
            return;
        }
        if (!typed)
            return;
        // Choice element: value[x] is written valueQuantity, valueString...; the suffix names the type.
        foreach (var property in json.EnumerateObject())
        {
            var key = property.Name;
            var keyStart = key.StartsWith('_') ? 1 : 0;
            if (key.Length <= name.Length + keyStart || string.CompareOrdinal(key, keyStart, name, 0, name.Length) != 0
                || !char.IsAsciiLetterUpper(key[keyStart + name.Length]))
                continue;
            var type = ChoiceType(key[(keyStart + name.Length)..]);
            if (type is null)
                continue;
            if (keyStart == 1)
            {
                if (json.TryGetProperty(key[1..], out _))
                    continue; // handled with its value
                AddChildren(output, default, property.Value, (type, type));
            }
            else
            {
                json.TryGetProperty("_" + key, out var extension);
                AddChildren(output, property.Value, extension, (type, type));
            }
            return;
        }
    }

    /// <summary>valueQuantity → Quantity, valueDateTime → dateTime; null when the suffix is not a FHIR type.</summary>
    private static string? ChoiceType(string suffix)
    {
        if (FhirTypeHierarchy.IsKnown(suffix) && !FhirTypeHierarchy.Primitives.Contains(suffix))
            return suffix;
        var primitive = char.ToLowerInvariant(suffix[0]) + suffix[1..];
        return FhirTypeHierarchy.Primitives.Contains(primitive) ? primitive : null;
    }

    private static void AddChildren(List<FhirPathValue> output, JsonElement value, JsonElement extension, (string Type, string Path)? declared)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                var ext = extension.ValueKind == JsonValueKind.Array && i < extension.GetArrayLength() ? extension[i] : default;
                AddValue(output, item, ext, declared?.Type, declared?.Path);
                i++;
            }
            return;
        }
        if (value.ValueKind == JsonValueKind.Undefined && extension.ValueKind == JsonValueKind.Array)
        {
            foreach (var ext in extension.EnumerateArray())
                AddValue(output, default, ext, declared?.Type, declared?.Path);
            return;
        }
        AddValue(output, value, extension, declared?.Type, declared?.Path);
    }

    private static void AddValue(List<FhirPathValue> output, JsonElement json, JsonElement? extension, string? type, string? path)
    {
        var ext = extension is { ValueKind: JsonValueKind.Object } e ? e : (JsonElement?)null;
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                if (json.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String && rt.GetString() is { } resourceType)
                    output.Add(new ElementValue(json, resourceType) { DefinitionPath = resourceType });
                else
                    output.Add(new ElementValue(json, type) { DefinitionPath = path ?? type });
                return;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                if (ext is { } only)
                    output.Add(new ElementValue(only, type ?? "Element") { DefinitionPath = type, IsValuelessPrimitive = true });
                return;
            case JsonValueKind.Array:
                foreach (var item in json.EnumerateArray())
                    AddValue(output, item, null, type, path);
                return;
            default:
                if (Primitive(json, type) is { } primitive)
                    output.Add(ext is null && type is null ? primitive : Annotate(primitive, type, ext));
                return;
        }
    }

    private static FhirPathValue Annotate(FhirPathValue value, string? type, JsonElement? ext) => value switch
    {
        BooleanValue b => new BooleanValue(b.Value) { FhirType = type, PrimitiveElement = ext },
        StringValue s => new StringValue(s.Value) { FhirType = type, PrimitiveElement = ext },
        IntegerValue i => new IntegerValue(i.Value) { FhirType = type, PrimitiveElement = ext },
        DecimalValue d => new DecimalValue(d.Value) { FhirType = type, PrimitiveElement = ext },
        DateValue d => new DateValue(d.Value) { FhirType = type, PrimitiveElement = ext },
        DateTimeValue d => new DateTimeValue(d.Value) { FhirType = type, PrimitiveElement = ext },
        TimeValue t => new TimeValue(t.Value) { FhirType = type, PrimitiveElement = ext },
        _ => value,
    };

    /// <summary>Converts a JSON primitive to a System value, guided by the FHIR type when known.</summary>
    private static FhirPathValue? Primitive(JsonElement json, string? type)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.True:
                return BooleanValue.True;
            case JsonValueKind.False:
                return BooleanValue.False;
            case JsonValueKind.Number:
            {
                var raw = json.GetRawText();
                var isInteger = type is "integer" or "positiveInt" or "unsignedInt"
                    || (type is not "decimal" && raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0);
                if (isInteger && json.TryGetInt64(out var l))
                    return new IntegerValue(l);
                // Beyond decimal's range (|x| > 7.9e28) a number has no FHIRPath value; skip it rather than fail.
                return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? new DecimalValue(d) : null;
            }
            case JsonValueKind.String:
            {
                var text = json.GetString()!;
                switch (type)
                {
                    case "date" when PartialDateTime.TryParseDate(text, out var date):
                        return new DateValue(date);
                    case "dateTime" or "instant" when PartialDateTime.TryParseDateTime(text, out var dateTime):
                        return new DateTimeValue(dateTime);
                    case "time" when PartialDateTime.TryParseTime(text, out var time):
                        return new TimeValue(time);
                    case "decimal" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                        return new DecimalValue(d);
                    default:
                        return new StringValue(text);
                }
            }
            default:
                return null;
        }
    }
}
