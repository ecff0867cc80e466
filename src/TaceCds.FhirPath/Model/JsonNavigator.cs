using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Model;

/// <summary>
/// Member navigation over JSON: FHIR JSON (typed by resourceType, the element table and choice suffixes such as
/// <c>valueQuantity</c>; primitive extensions from <c>_name</c> siblings) and plain fact-tree JSON (untyped).
/// This is the evaluator's hot path: it avoids decoding property names and strings it does not need.
/// </summary>
internal static class JsonNavigator
{
    /// <summary>The input collection for <paramref name="json"/>; <paramref name="persistent"/> inputs remember navigations.</summary>
    public static IReadOnlyList<FhirPathValue> FromRoot(JsonElement json, bool persistent = false)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            var resourceType = ResourceTypeOf(json, searchAll: true);
            return [new ElementValue(json, resourceType) { DefinitionPath = resourceType, Persistent = persistent }];
        }
        var result = new List<FhirPathValue>(1);
        if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
                AddValue(result, item, default, null, null);
        }
        else
        {
            AddValue(result, json, default, null, null);
        }
        MarkPersistent(result, persistent);
        return result.ToArray();
    }

    private static void MarkPersistent(List<FhirPathValue> values, bool persistent)
    {
        if (!persistent)
            return;
        foreach (var value in values)
        {
            if (value is ElementValue element)
                element.Persistent = true;
        }
    }

    public static void Member(FhirPathValue item, string name, List<FhirPathValue> output) => Member(item, MemberName.Of(name), output);

    /// <summary>Appends the children called <paramref name="name"/> of <paramref name="item"/> to <paramref name="output"/>.</summary>
    public static void Member(FhirPathValue item, MemberName name, List<FhirPathValue> output)
    {
        if (item is ElementValue { Persistent: true } persistent)
        {
            if (persistent.FindMemo(name.Name) is not { } values)
            {
                var children = new List<FhirPathValue>();
                MemberOf(item, name, children);
                MarkPersistent(children, true);
                values = children.ToArray();
                persistent.AddMemo(name.Name, values);
            }
            output.AddRange(values);
            return;
        }
        MemberOf(item, name, output);
    }

    private static void MemberOf(FhirPathValue item, MemberName name, List<FhirPathValue> output)
    {
        switch (item)
        {
            case ElementValue element when element.Element.ValueKind == JsonValueKind.Object:
                if (element.IsValuelessPrimitive)
                    PrimitiveMember(element.Element, name.Name, output);
                else
                    ElementMember(element, name, output);
                return;
            case TypeInfoValue typeInfo:
                if (name.Name == "name") output.Add(new StringValue(typeInfo.Name));
                else if (name.Name == "namespace") output.Add(new StringValue(typeInfo.Namespace));
                return;
            default:
                if (item.PrimitiveElement is { ValueKind: JsonValueKind.Object } ext)
                    PrimitiveMember(ext, name.Name, output);
                return;
        }
    }

    private static void PrimitiveMember(JsonElement extensionObject, string name, List<FhirPathValue> output)
    {
        if (name is "extension" or "id" && extensionObject.TryGetProperty(name, out var child))
            AddChildren(output, child, default, name == "id" ? ("string", "string") : ("Extension", "Extension"));
    }

    private static void ElementMember(ElementValue owner, MemberName name, List<FhirPathValue> output)
    {
        var json = owner.Element;
        if (owner.FhirType is not { } ownerType)
        {
            if (json.TryGetProperty(name.Utf8, out var plain))
                AddChildren(output, plain, default, null);
            return;
        }
        var declared = name.DeclaredOn(owner.DefinitionPath ?? ownerType, ownerType, out var isPrimitive);
        if (declared is null)
        {
            UndeclaredMember(json, name, output);
            return;
        }
        var hasValue = json.TryGetProperty(name.Utf8, out var value);
        // Only primitives have a _name sibling, and only objects with some "_" key need the lookup.
        var extension = default(JsonElement);
        var hasExtension = isPrimitive && owner.MayHaveUnderscoreKeys
            && json.TryGetProperty(name.ExtensionUtf8, out extension);
        if (hasValue || hasExtension)
            AddChildren(output, value, extension, declared);
    }

    /// <summary>
    /// An element the type table does not list: one pass over the raw property names finds the value, its
    /// <c>_name</c> extension, or a choice form (value[x] is written valueQuantity, valueString...; the suffix is the type).
    /// </summary>
    private static void UndeclaredMember(JsonElement json, MemberName name, List<FhirPathValue> output)
    {
        var prefix = name.Utf8;
        JsonElement value = default, extension = default, choice = default, choiceExtension = default;
        string? choiceType = null;
        foreach (var property in json.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var offset = raw.Length > 0 && raw[0] == (byte)'_' ? 1 : 0;
            if (raw.Length < prefix.Length + offset || !raw.Slice(offset, prefix.Length).SequenceEqual(prefix))
                continue;
            if (raw.Length == prefix.Length + offset)
            {
                if (offset == 0) value = property.Value;
                else extension = property.Value;
                continue;
            }
            if (raw.Length > 128 || raw[offset + prefix.Length] is < (byte)'A' or > (byte)'Z')
                continue;
            var type = ChoiceType(raw[(offset + prefix.Length)..]);
            if (type is null || (choiceType is not null && choiceType != type))
                continue;
            choiceType = type;
            if (offset == 0) choice = property.Value;
            else choiceExtension = property.Value;
        }
        if (value.ValueKind != JsonValueKind.Undefined || extension.ValueKind != JsonValueKind.Undefined)
            AddChildren(output, value, extension, null);
        else if (choiceType is not null)
            AddChildren(output, choice, choiceExtension, (choiceType, choiceType));
    }

    /// <summary>Quantity → Quantity, DateTime → dateTime; null when the suffix is not a FHIR type.</summary>
    private static string? ChoiceType(ReadOnlySpan<byte> suffix)
    {
        Span<char> chars = stackalloc char[suffix.Length];
        for (var i = 0; i < suffix.Length; i++)
            chars[i] = (char)suffix[i];
        if (FhirTypeHierarchy.KnownName(chars) is { } complex && !FhirTypeHierarchy.Primitives.Contains(complex))
            return complex;
        chars[0] = char.ToLowerInvariant(chars[0]);
        return FhirTypeHierarchy.KnownName(chars) is { } primitive && FhirTypeHierarchy.Primitives.Contains(primitive) ? primitive : null;
    }

    private static void AddChildren(List<FhirPathValue> output, JsonElement value, JsonElement extension, (string Type, string Path)? declared)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            var extensions = extension.ValueKind == JsonValueKind.Array ? extension.GetArrayLength() : 0;
            foreach (var item in value.EnumerateArray())
            {
                AddValue(output, item, i < extensions ? extension[i] : default, declared?.Type, declared?.Path);
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

    private static void AddValue(List<FhirPathValue> output, JsonElement json, JsonElement extension, string? type, string? path)
    {
        JsonElement? ext = extension.ValueKind == JsonValueKind.Object ? extension : null;
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                // Only an element declared as a Resource (contained, entry.resource) or untyped holds a resource;
                // an element declared as a datatype (Coding, Quantity, BackboneElement...) never does.
                if ((type is null || type == "Resource") && ResourceTypeOf(json, searchAll: type is not null) is { } resourceType)
                {
                    output.Add(new ElementValue(json, resourceType) { DefinitionPath = resourceType });
                }
                else
                {
                    output.Add(new ElementValue(json, type) { DefinitionPath = path ?? type });
                }
                return;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                if (ext is { } only)
                    output.Add(new ElementValue(only, type ?? "Element") { DefinitionPath = type, IsValuelessPrimitive = true });
                return;
            case JsonValueKind.Array:
                foreach (var item in json.EnumerateArray())
                    AddValue(output, item, default, type, path);
                return;
            default:
                if (Primitive(json, type, ext) is { } primitive)
                    output.Add(primitive);
                return;
        }
    }

    /// <summary>
    /// The resourceType of a JSON object, or null. FHIR JSON writes it first, and TryGetProperty searches from the
    /// last property, so look at the first property before falling back to the search.
    /// </summary>
    private static string? ResourceTypeOf(JsonElement json, bool searchAll)
    {
        using var properties = json.EnumerateObject();
        if (!properties.MoveNext())
            return null;
        var first = properties.Current;
        JsonElement rt;
        if (JsonMarshal.GetRawUtf8PropertyName(first).SequenceEqual("resourceType"u8))
            rt = first.Value;
        else if (!searchAll || !json.TryGetProperty("resourceType"u8, out rt))
            return null;
        return rt.ValueKind == JsonValueKind.String ? ResourceTypeName(rt) : null;
    }

    private static string ResourceTypeName(JsonElement rt)
    {
        var raw = JsonMarshal.GetRawUtf8Value(rt);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
            raw = raw[1..^1]; // the raw token includes its quotes
        if (raw.Length <= 64 && raw.IndexOf((byte)'\\') < 0)
        {
            Span<char> chars = stackalloc char[raw.Length];
            for (var i = 0; i < raw.Length; i++)
                chars[i] = (char)raw[i];
            if (FhirTypeHierarchy.KnownName(chars) is { } known)
                return known;
        }
        return rt.GetString()!;
    }

    /// <summary>Converts a JSON primitive to a System value, guided by the FHIR type when known.</summary>
    private static FhirPathValue? Primitive(JsonElement json, string? type, JsonElement? ext)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
            {
                var b = json.ValueKind == JsonValueKind.True;
                return type is null && ext is null ? BooleanValue.Of(b) : new BooleanValue(b) { FhirType = type, PrimitiveElement = ext };
            }
            case JsonValueKind.Number:
            {
                var raw = JsonMarshal.GetRawUtf8Value(json);
                var isInteger = type is "integer" or "positiveInt" or "unsignedInt"
                    || (type is not "decimal" && raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0);
                if (isInteger && json.TryGetInt64(out var l))
                    return new IntegerValue(l) { FhirType = type, PrimitiveElement = ext };
                // Beyond decimal's range (|x| > 7.9e28) a number has no FHIRPath value; skip it rather than fail.
                return JsonNumbers.TryGetDecimal(json, out var d) || decimal.TryParse(json.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out d)
                    ? new DecimalValue(d) { FhirType = type, PrimitiveElement = ext }
                    : null;
            }
            case JsonValueKind.String:
                switch (type)
                {
                    case "date" when PartialDateTime.TryParseDate(json.GetString()!, out var date):
                        return new DateValue(date) { FhirType = type, PrimitiveElement = ext };
                    case "dateTime" or "instant" when PartialDateTime.TryParseDateTime(json.GetString()!, out var dateTime):
                        return new DateTimeValue(dateTime) { FhirType = type, PrimitiveElement = ext };
                    case "time" when PartialDateTime.TryParseTime(json.GetString()!, out var time):
                        return new TimeValue(time) { FhirType = type, PrimitiveElement = ext };
                    case "decimal" when decimal.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                        return new DecimalValue(d) { FhirType = type, PrimitiveElement = ext };
                    default:
                        return new StringValue(json) { FhirType = type, PrimitiveElement = ext };
                }
            default:
                return null;
        }
    }
}
