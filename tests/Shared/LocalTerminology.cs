using System.Text.Json.Nodes;

namespace TaceCds.Testing;

/// <summary>
/// Issue 18's integration case, built in the test rather than shipped as a sample: <c>samples/p02.json</c> with its
/// TACE Procedures recoded to a hospital's local order code, and the site ValueSet that adds that code to the TACE
/// procedure value set.
/// </summary>
public static class LocalTerminology
{
    public const string LocalSystem = "http://hospital.example/orders";
    public const string LocalTaceCode = "IR-0417";
    public const string TaceProcedureUrl = "https://tacecds.org/fhir/ValueSet/tace-procedure";

    /// <summary>p02 (3 TACE sessions) with every TACE Procedure coded only <c>http://hospital.example/orders#IR-0417</c>.</summary>
    public static string P02WithLocalTaceCodes(out int recoded)
    {
        var bundle = JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("samples", "p02.json")))!.AsObject();
        recoded = 0;
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!;
            if ((string?)resource["resourceType"] != "Procedure") continue;
            var codings = resource["code"]!["coding"]!.AsArray();
            if (!codings.Any(c => (string?)c!["code"] is "tace" or "441525007")) continue;
            resource["code"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = LocalSystem, ["code"] = LocalTaceCode, ["display"] = "Chemoembolization, hepatic artery" }),
            };
            recoded++;
        }
        return bundle.ToJsonString();
    }

    /// <summary>A site ValueSet file with the url of an engine value set that lists one code (extends it unless <paramref name="replace"/>).</summary>
    public static string SiteValueSet(string url, string system, string code, bool replace = false)
    {
        var valueSet = new JsonObject
        {
            ["resourceType"] = "ValueSet",
            ["url"] = url,
            ["status"] = "active",
            ["compose"] = new JsonObject
            {
                ["include"] = new JsonArray(new JsonObject
                {
                    ["system"] = system,
                    ["concept"] = new JsonArray(new JsonObject { ["code"] = code }),
                }),
            },
        };
        if (replace)
            valueSet["meta"] = new JsonObject
            {
                ["tag"] = new JsonArray(new JsonObject { ["system"] = "https://tacecds.org/fhir/terminology-merge", ["code"] = "replace" }),
            };
        return valueSet.ToJsonString();
    }

    /// <summary>A fresh temporary folder holding the site's TACE procedure ValueSet (local order code added).</summary>
    public static string SiteFolderWithLocalTaceCode()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tacecds-terminology-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "tace-procedure-local.json"), SiteValueSet(TaceProcedureUrl, LocalSystem, LocalTaceCode));
        return dir;
    }
}
