using System.Text.Json;
using System.Text.RegularExpressions;
using TaceCds.Testing;

namespace TaceCds.Clinical.Tests.Terminology;

/// <summary>
/// Issue 18, done-when 4: no C# list of LOINC, SNOMED CT, ATC or ICD-10 codes duplicates a ValueSet in fhir-profiles/
/// (the engine loads them from there). Every string literal in src/**/*.cs is compared with every external code of
/// every ValueSet; the few allowed are listed below with their reason. Literals shaped like a LOINC or ATC code are
/// refused too, so that a new list cannot bypass the check by holding codes no ValueSet has yet.
/// </summary>
public sealed partial class NoDuplicatedCodeListsTests
{
    /// <summary>(code system, source file) pairs whose literals are allowed, and why.</summary>
    private static readonly Dictionary<(string System, string File), string> Allowed = new()
    {
        [("http://dicom.nema.org/resources/ontology/DCM", "src/TaceCds.Clinical/Facts/ImagingExamFact.cs")] =
            "mRECIST logic: only contrast CT and MR are assessable, hybrid PET needs documented contrast — the modality codes are clinical logic, not a list a site extends",
        [("http://dicom.nema.org/resources/ontology/DCM", "src/TaceCds.Dicom/Fhir/ImagingReportFhirMapper.cs")] =
            "DICOM import WRITES ImagingStudy.modality from the SR's Modality attribute",
        [("http://snomed.info/sct", "src/TaceCds.Publishing/Packs/PackMetadata.cs")] =
            "rule-pack export WRITES one PlanDefinition useContext focus (HCC, TACE): a single published code each, not a list the engine matches",
        [("http://unitsofmeasure.org", "src/TaceCds.Clinical/Units/UnitCatalog.cs")] =
            "units and conversion factors stay in the unit catalogue with their sources (issue 18); ValueSet-length-unit.json publishes two of them",
    };

    [Fact]
    public void No_source_file_holds_a_literal_of_an_external_value_set_code_outside_the_allow_list()
    {
        var codes = ExternalValueSetCodes();
        Assert.Contains("441525007", codes.Keys);
        Assert.Contains("L01EX02", codes.Keys);
        var found = new List<string>();
        foreach (var (file, line, literal) in Literals())
        {
            if (!codes.TryGetValue(literal, out var systems)) continue;
            if (systems.All(s => Allowed.ContainsKey((s, file)))) continue;
            found.Add($"{file}:{line} \"{literal}\" ({string.Join(", ", systems)})");
        }
        Assert.True(found.Count == 0, "code literals that duplicate a ValueSet (read it from EngineTerminology instead):\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_source_file_holds_a_literal_shaped_like_a_loinc_or_atc_code()
    {
        var found = Literals().Where(l => LoincOrAtc().IsMatch(l.Literal)).Select(l => $"{l.File}:{l.Line} \"{l.Literal}\"").ToList();
        Assert.True(found.Count == 0, "LOINC/ATC-shaped literals in src/: " + string.Join(", ", found));
    }

    [Fact]
    public void The_scan_sees_the_allowed_literals_so_it_is_reading_the_sources()
    {
        // Guards the scan itself: if it read nothing, the two tests above would pass vacuously.
        var codes = ExternalValueSetCodes();
        var hits = Literals().Where(l => codes.ContainsKey(l.Literal)).Select(l => l.File).Distinct().ToList();
        Assert.Contains("src/TaceCds.Clinical/Facts/ImagingExamFact.cs", hits);
        Assert.Contains("src/TaceCds.Clinical/Units/UnitCatalog.cs", hits);
    }

    /// <summary>code → the external systems it has in some ValueSet of fhir-profiles/.</summary>
    private static Dictionary<string, HashSet<string>> ExternalValueSetCodes()
    {
        var codes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("fhir-profiles"), "ValueSet-*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var include in doc.RootElement.GetProperty("compose").GetProperty("include").EnumerateArray())
            {
                var system = include.GetProperty("system").GetString()!;
                if (system.StartsWith("https://tacecds.org/", StringComparison.Ordinal)) continue;
                foreach (var concept in include.GetProperty("concept").EnumerateArray())
                {
                    var code = concept.GetProperty("code").GetString()!;
                    if (!codes.TryGetValue(code, out var systems)) codes[code] = systems = [];
                    systems.Add(system);
                }
            }
        }
        return codes;
    }

    private static IEnumerable<(string File, int Line, string Literal)> Literals()
    {
        var root = RepoPaths.InRepo("src");
        foreach (var path in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].TrimStart();
                if (text.StartsWith("//", StringComparison.Ordinal)) continue; // comments cite codes with their source
                foreach (Match m in StringLiteral().Matches(lines[i]))
                    yield return (relative, i + 1, m.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("^(?:[0-9]{1,7}-[0-9]|[A-Z][0-9]{2}[A-Z]{2}[0-9]{2})$")]
    private static partial Regex LoincOrAtc();
}
