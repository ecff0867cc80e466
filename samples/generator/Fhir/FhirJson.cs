using System.Globalization;
using System.Text.Json.Nodes;

namespace TaceCds.SampleGenerator.Fhir;

/// <summary>Small helpers that build FHIR R4 JSON fragments in a fixed key order.</summary>
public static class FhirJson
{
    public static JsonObject Reference(string type, string id) => new() { ["reference"] = $"{type}/{id}" };

    public static JsonObject CodingJson(Coding coding) => new()
    {
        ["system"] = coding.System,
        ["code"] = coding.Code,
        ["display"] = coding.Display,
    };

    public static JsonObject Concept(params Coding[] codings)
    {
        var array = new JsonArray();
        foreach (var coding in codings)
        {
            array.Add(CodingJson(coding));
        }
        return new JsonObject { ["coding"] = array };
    }

    /// <summary>A UCUM quantity; <paramref name="unit"/> is the human-readable text, <paramref name="code"/> the UCUM code.</summary>
    public static JsonObject Quantity(decimal value, string code, string? unit = null) => new()
    {
        ["value"] = value,
        ["unit"] = unit ?? code,
        ["system"] = Terminology.Ucum,
        ["code"] = code,
    };

    public static JsonObject BooleanExtension(string url, bool value) => new()
    {
        ["url"] = url,
        ["valueBoolean"] = value,
    };

    public static JsonArray Single(JsonNode node) => new() { node };

    /// <summary>FHIR dateTime in the hospital's local time (+08:00), e.g. 2024-01-15T14:00:00+08:00.</summary>
    public static string DateTime(DateOnly date, TimeOnly time) =>
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" +
        time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + "+08:00";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Compact(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
