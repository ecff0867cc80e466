using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>What <c>type()</c> returns: a SimpleTypeInfo with a namespace (System or FHIR) and a name.</summary>
public sealed class TypeInfoValue(string @namespace, string name) : FhirPathValue
{
    public string Namespace { get; } = @namespace;
    public string Name { get; } = name;
    public override string TypeName => "SimpleTypeInfo";

    public override void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("namespace", Namespace);
        writer.WriteString("name", Name);
        writer.WriteEndObject();
    }

    public override string ToString() => Namespace + "." + Name;
}
