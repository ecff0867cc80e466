using System.Text.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>A valid R4 resource we do not model: only the shared members are read; the rest is in Json.</summary>
internal static class OtherResourceReader
{
    public static OtherResource Read(JsonCursor c, JsonElement e, string resourceType)
    {
        var common = new ResourceFields();
        ResourceElements.ReadEach(c, e, p =>
        {
            common.TryRead(c, p);
        });
        return new OtherResource(resourceType)
        {
            Id = common.Id, Meta = common.Meta, Extensions = common.Extensions, ModifierExtensions = common.ModifierExtensions, Json = e,
        };
    }
}
