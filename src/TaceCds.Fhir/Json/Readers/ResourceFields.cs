using System.Text.Json;
using TaceCds.Fhir.Model;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>
/// The members every resource shares (Resource: id, meta; DomainResource: extension, modifierExtension).
/// text, contained, language and implicitRules are not modelled and stay in Resource.Json.
/// </summary>
internal sealed class ResourceFields
{
    public string? Id { get; private set; }
    public Meta? Meta { get; private set; }
    public IReadOnlyList<Extension> Extensions { get; private set; } = [];
    public IReadOnlyList<Extension> ModifierExtensions { get; private set; } = [];

    /// <summary>Reads <paramref name="p"/> if it is a shared member (the cursor is already on it).</summary>
    public bool TryRead(JsonCursor c, JsonProperty p)
    {
        switch (p.Name)
        {
            case "resourceType": return true; // checked by ResourceReader before dispatch
            case "id": Id = P.ReadId(c, p.Value); return true;
            case "meta": Meta = DataTypeReader.ReadMeta(c, p.Value); return true;
            case "extension": Extensions = ObjectReader.ReadArray(c, p.Value, DataTypeReader.ReadExtension); return true;
            case "modifierExtension": ModifierExtensions = ObjectReader.ReadArray(c, p.Value, DataTypeReader.ReadExtension); return true;
            default: return false;
        }
    }
}
