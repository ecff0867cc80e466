using System.Text.Json;
using System.Text.RegularExpressions;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Terminology;
using TaceCds.Clinical.Units;
using TaceCds.Fhir.Terminology;
using TaceCds.Testing;

namespace TaceCds.Clinical.Tests.Profiles;

/// <summary>
/// fhir-profiles/ publishes the input contract and is, for its ValueSets, what the engine loads (TerminologyLoader).
/// These tests check the folder itself and what C# still holds beside it — the kinds bound to project codes, their value
/// types and units (UnitCatalog) — so that neither drifts from CodeSystem-tacecds.json and codes.md.
/// </summary>
public class ProfileConsistencyTests
{
    private const string CanonicalBase = "https://tacecds.org/fhir";

    private static readonly string ProfilesDir = RepoPaths.InRepo("fhir-profiles");

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in ResourceFilePaths().OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Every_resource_parses_and_its_url_id_and_file_name_agree(string fileName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProfilesDir, fileName)));
        var root = doc.RootElement;
        var type = root.GetProperty("resourceType").GetString();
        var id = root.GetProperty("id").GetString();
        var url = root.GetProperty("url").GetString();
        Assert.Contains(type, new[] { "CodeSystem", "ValueSet", "StructureDefinition", "ImplementationGuide" });
        Assert.Equal($"{type}-{id}.json", fileName);
        Assert.Equal($"{CanonicalBase}/{type}/{id}", url);
        Assert.Equal("active", root.GetProperty("status").GetString());
        if (type == "StructureDefinition") Assert.Equal("4.0.1", root.GetProperty("fhirVersion").GetString());
        if (type == "CodeSystem") Assert.Equal(root.GetProperty("concept").GetArrayLength(), root.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Project_code_displays_agree_across_code_systems_value_sets_and_samples()
    {
        var displays = new Dictionary<(string, string), string>();
        foreach (var cs in LoadAll().Where(r => r.GetProperty("resourceType").GetString() == "CodeSystem"))
            foreach (var c in cs.GetProperty("concept").EnumerateArray())
                displays[(cs.GetProperty("url").GetString()!, c.GetProperty("code").GetString()!)] = c.GetProperty("display").GetString()!;

        var used = LoadAll().Where(r => r.GetProperty("resourceType").GetString() == "ValueSet").SelectMany(r => DisplayedCodings(r)).ToList();
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("samples"), "*.json"))
            used.AddRange(DisplayedCodings(JsonDocument.Parse(File.ReadAllText(file)).RootElement));

        var project = used.Where(u => u.System.StartsWith(CanonicalBase, StringComparison.Ordinal)).ToList();
        Assert.True(project.Count > 100);
        foreach (var (system, code, display) in project)
            Assert.True(displays.GetValueOrDefault((system, code)) == display, $"{system}#{code} is shown as '{display}', the CodeSystem says '{displays.GetValueOrDefault((system, code))}'");
    }

    [Fact]
    public void The_folder_holds_the_published_code_systems_and_extensions()
    {
        var urls = LoadAll().Select(r => r.GetProperty("url").GetString()).ToHashSet();
        Assert.Contains(CodeSystems.TaceCds, urls);
        Assert.Contains(CodeSystems.CnlcStage, urls);
        Assert.Contains(CodeSystems.BclcStage, urls);
        Assert.Contains(ExtensionUrls.TaceStandardized, urls);
        Assert.Contains(ExtensionUrls.ContrastEnhanced, urls);
    }

    [Fact]
    public void Every_project_code_in_the_observation_catalog_is_defined_with_its_value_type()
    {
        var concepts = ProjectConcepts();
        var ownEntries = OwnCodes().ToList();
        Assert.NotEmpty(ownEntries);
        foreach (var (code, entry) in ownEntries)
        {
            Assert.True(concepts.TryGetValue(code, out var concept), $"tacecds#{code} is in ObservationCatalog but not in CodeSystem-tacecds.json");
            Assert.Equal("observation", concept!.Use);
            Assert.Equal(FhirValueType(entry.ValueType), concept.ValueType);
        }
        // And the other way: the CodeSystem defines no Observation code the engine would ignore.
        var catalogued = ownEntries.Select(e => e.Code).ToHashSet();
        var extra = concepts.Where(c => c.Value.Use == "observation" && !catalogued.Contains(c.Key)).Select(c => c.Key).ToList();
        Assert.True(extra.Count == 0, "Observation codes in CodeSystem-tacecds.json the engine does not read: " + string.Join(", ", extra));
    }

    [Fact]
    public void Every_quantity_code_states_the_canonical_unit_of_the_unit_catalog()
    {
        var concepts = ProjectConcepts();
        const string system = CodeSystems.TaceCds;
        foreach (var (code, entry) in OwnCodes())
        {
            Assert.True(concepts.TryGetValue(code, out var concept), $"{system}#{code} is not in CodeSystem-tacecds.json");
            if (entry.ValueType != FactValueType.Quantity)
            {
                Assert.Null(concept!.UcumUnit);
                continue;
            }
            var rule = UnitCatalog.For(entry.Kind);
            Assert.NotNull(rule);
            Assert.True(rule!.Canonical == concept!.UcumUnit, $"{system}#{code}: CodeSystem says '{concept.UcumUnit}', UnitCatalog says '{rule.Canonical}'");
            Assert.Contains(rule.Canonical, concept.Definition, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_external_code_of_a_value_set_has_its_source_in_codes_md()
    {
        // The engine reads these codes from the ValueSets themselves; codes.md holds each one's meaning and source.
        var codesMd = File.ReadAllText(Path.Combine(ProfilesDir, "codes.md"));
        var sections = new Dictionary<string, string>
        {
            [CodeSystems.Loinc] = "LOINC", [CodeSystems.SnomedCt] = "SNOMED CT", [CodeSystems.Icd10] = "ICD-10",
            [CodeSystems.Atc] = "ATC", [CodeSystems.Dicom] = "DICOM", [CodeSystems.Ucum] = "UCUM",
        };
        var external = ValueSetCodes().Where(c => !c.System.StartsWith(CanonicalBase, StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(14, external.Count(c => c.System == CodeSystems.Loinc));
        Assert.Equal(13, external.Count(c => c.System == CodeSystems.Atc));
        foreach (var (system, code) in external)
        {
            Assert.True(sections.TryGetValue(system, out var section), $"{system} is not a code system codes.md documents");
            Assert.True(section == "UCUM" ? Section(codesMd, "UCUM").Contains($"`{code}`", StringComparison.Ordinal) : TableRowMentions(codesMd, section!, code),
                $"{section} {code} (in a ValueSet) has no row in codes.md");
        }
    }

    [Fact]
    public void The_loaded_procedure_value_sets_give_every_therapy_kind_the_engine_knows()
    {
        var terminology = EngineTerminology.BuiltIn;
        foreach (var kind in Enum.GetValues<TherapyKind>())
            Assert.Equal(kind, terminology.FindProcedure(CodeSystems.TaceCds, TherapyFact.Name(kind)));
        Assert.Equal(TherapyKind.Tace, terminology.FindProcedure(CodeSystems.SnomedCt, "441525007"));
    }

    [Fact]
    public void Every_accepted_unit_is_listed_in_the_ucum_section_of_codes_md()
    {
        var ucumSection = Section(File.ReadAllText(Path.Combine(ProfilesDir, "codes.md")), "UCUM");
        var units = UnitCatalog.All.SelectMany(r => r.Value.Factors.Keys.Append(r.Value.Canonical)).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("10*9/L", units);
        foreach (var unit in units)
            Assert.True(ucumSection.Contains($"`{unit}`", StringComparison.Ordinal), $"UCUM unit '{unit}' (UnitCatalog) is not listed in the UCUM section of codes.md");
    }

    [Fact]
    public void Every_code_in_a_project_value_set_is_defined_in_its_code_system()
    {
        var defined = new Dictionary<string, HashSet<string>>();
        foreach (var cs in LoadAll().Where(r => r.GetProperty("resourceType").GetString() == "CodeSystem"))
            defined[cs.GetProperty("url").GetString()!] = cs.GetProperty("concept").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToHashSet();
        var checkedCount = 0;
        foreach (var (system, code) in ValueSetCodes().Where(c => c.System.StartsWith(CanonicalBase, StringComparison.Ordinal)))
        {
            Assert.True(defined.TryGetValue(system, out var codes), $"no CodeSystem {system} in fhir-profiles");
            Assert.True(codes!.Contains(code), $"{system}#{code} is in a ValueSet but not in its CodeSystem");
            checkedCount++;
        }
        Assert.True(checkedCount > 40);
    }

    [Fact]
    public void Every_project_canonical_referenced_by_a_resource_is_published_here()
    {
        var published = LoadAll().Select(r => r.GetProperty("url").GetString()!).ToHashSet();
        var referenced = new List<string>();
        foreach (var resource in LoadAll()) CollectCanonicals(resource, referenced, isRoot: true);
        Assert.Contains(ExtensionUrls.TaceStandardized, referenced);
        foreach (var url in referenced)
            Assert.True(published.Contains(url), $"{url} is referenced but not published in fhir-profiles/");
    }

    [Fact]
    public void Every_external_code_the_samples_use_is_listed_in_codes_md()
    {
        var codesMd = File.ReadAllText(Path.Combine(ProfilesDir, "codes.md"));
        var external = new Dictionary<string, string>
        {
            [CodeSystems.Loinc] = "LOINC", [CodeSystems.SnomedCt] = "SNOMED CT", [CodeSystems.Icd10] = "ICD-10",
            [CodeSystems.Atc] = "ATC", [CodeSystems.Dicom] = "DICOM",
        };
        var seen = 0;
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("samples"), "*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var (system, code) in Codings(doc.RootElement))
            {
                if (!external.TryGetValue(system, out var section)) continue;
                seen++;
                Assert.True(TableRowMentions(codesMd, section, code), $"{section} {code} (used in {Path.GetFileName(file)}) has no row in codes.md");
            }
        }
        Assert.True(seen > 100);
    }

    // ---- helpers ----

    /// <summary>The Observation kinds the engine recognises by their project code (tacecds#code).</summary>
    private static IEnumerable<(string Code, CatalogEntry Entry)> OwnCodes() =>
        ObservationCatalog.Kinds.Where(k => k.CodesFrom is null).Select(k => (k.Entry.Name, k.Entry));

    private sealed record Concept(string Use, string? ValueType, string? UcumUnit, string Definition);

    private static List<JsonElement> LoadAll() =>
        ResourceFilePaths().Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement).ToList();

    // package.json describes the folder as a FHIR package; it is not a resource.
    private static IEnumerable<string> ResourceFilePaths() =>
        Directory.GetFiles(ProfilesDir, "*.json").Where(f => Path.GetFileName(f) != "package.json");

    private static JsonElement Load(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(ProfilesDir, fileName))).RootElement;

    private static Dictionary<string, Concept> ProjectConcepts()
    {
        var result = new Dictionary<string, Concept>(StringComparer.Ordinal);
        foreach (var c in Load("CodeSystem-tacecds.json").GetProperty("concept").EnumerateArray())
        {
            var props = c.GetProperty("property").EnumerateArray().ToDictionary(
                p => p.GetProperty("code").GetString()!,
                p => p.TryGetProperty("valueCode", out var v) ? v.GetString() : p.GetProperty("valueString").GetString());
            result.Add(c.GetProperty("code").GetString()!, new Concept(
                props["use"]!, props.GetValueOrDefault("value-type"), props.GetValueOrDefault("ucum-unit"), c.GetProperty("definition").GetString()!));
        }
        return result;
    }

    private static string FhirValueType(FactValueType type) => type switch
    {
        FactValueType.Quantity => "Quantity",
        FactValueType.Integer => "integer",
        FactValueType.Boolean => "boolean",
        FactValueType.Code => "CodeableConcept",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Codes enumerated in compose.include of one ValueSet (by id) or of all of them.</summary>
    private static IEnumerable<(string System, string Code)> ValueSetCodes(string? id = null)
    {
        var sets = id is null
            ? LoadAll().Where(r => r.GetProperty("resourceType").GetString() == "ValueSet")
            : [Load($"ValueSet-{id}.json")];
        foreach (var vs in sets)
            foreach (var include in vs.GetProperty("compose").GetProperty("include").EnumerateArray())
            {
                if (!include.TryGetProperty("system", out var system) || !include.TryGetProperty("concept", out var concepts)) continue;
                foreach (var c in concepts.EnumerateArray())
                    yield return (system.GetString()!, c.GetProperty("code").GetString()!);
            }
    }

    private static IEnumerable<(string System, string Code)> Codings(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("system", out var s) && element.TryGetProperty("code", out var c)
                && s.ValueKind == JsonValueKind.String && c.ValueKind == JsonValueKind.String)
                yield return (s.GetString()!, c.GetString()!);
            foreach (var p in element.EnumerateObject())
                foreach (var inner in Codings(p.Value)) yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var inner in Codings(item)) yield return inner;
        }
    }

    /// <summary>Every (system, code, display) written anywhere in a resource: Codings and ValueSet compose concepts.</summary>
    private static IEnumerable<(string System, string Code, string Display)> DisplayedCodings(JsonElement element, string? inheritedSystem = null)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var system = element.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : inheritedSystem;
            if (system is not null && element.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                && element.TryGetProperty("display", out var d) && d.ValueKind == JsonValueKind.String)
                yield return (system, c.GetString()!, d.GetString()!);
            foreach (var p in element.EnumerateObject())
                foreach (var inner in DisplayedCodings(p.Value, p.Name == "concept" ? system : null)) yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                foreach (var inner in DisplayedCodings(item, inheritedSystem)) yield return inner;
        }
    }

    /// <summary>Canonical URLs of the project's ValueSets, CodeSystems and StructureDefinitions used inside a resource.</summary>
    private static void CollectCanonicals(JsonElement element, List<string> found, bool isRoot = false)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                if (isRoot && p.Name == "url") continue;
                CollectCanonicals(p.Value, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) CollectCanonicals(item, found);
        }
        else if (element.ValueKind == JsonValueKind.String && element.GetString() is { } text
                 && Regex.IsMatch(text, "^https://tacecds\\.org/fhir/(ValueSet|CodeSystem|StructureDefinition)/[A-Za-z0-9.-]+$"))
        {
            found.Add(text);
        }
    }

    /// <summary>The text of the "## {heading}..." section of a Markdown file, up to the next "## ".</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n## " + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"codes.md has no '## {heading}' section");
        var end = markdown.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>Whether the section has a table row whose first cell is the code in backticks.</summary>
    private static bool TableRowMentions(string markdown, string heading, string code) =>
        Section(markdown, heading).Split('\n').Any(line => line.StartsWith($"| `{code}` |", StringComparison.Ordinal));
}
