using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Terminology;
using TaceCds.Testing;

namespace TaceCds.Validation.Tests;

/// <summary>
/// The validator follows the project's ValueSet bindings offline: every ValueSet expands over the guide and the R4
/// core (imports of other ValueSets included), and the LOINC and SNOMED CT codes the ValueSets name are in the
/// fragment CodeSystems shipped in fhir-profiles/terminology/ (without them Firely cannot expand an import of a
/// LOINC ValueSet, and every lab fails lab-observation).
/// </summary>
[Collection(ValidatorCollection.Name)]
public class TerminologyTests(ValidatorFixture fixture)
{
    private static readonly string ProfilesDir = RepoPaths.InRepo("fhir-profiles");

    public static TheoryData<string> ValueSetFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ProfilesDir, "ValueSet-*.json").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValueSetFiles))]
    public async System.Threading.Tasks.Task Value_set_expands_offline_to_every_code_it_composes(string file)
    {
        var valueSet = new FhirJsonDeserializer().Deserialize<ValueSet>(File.ReadAllText(Path.Combine(ProfilesDir, file)));
        var expected = await ComposedCodes(valueSet);

        R4ValueSetImports.Normalize(valueSet); // as the validator's resolver does (R4: several imports in one include = their union)
        await new ValueSetExpander(new ValueSetExpanderSettings { ValueSetSource = fixture.Validator.Resolver }).ExpandAsync(valueSet);

        var expanded = valueSet.Expansion!.Contains.Select(c => (c.System!, c.Code!)).ToHashSet();
        Assert.NotEmpty(expanded);
        Assert.Equal(expected.OrderBy(c => c.ToString()), expanded.OrderBy(c => c.ToString()));
    }

    [Fact]
    public void An_include_importing_three_lab_value_sets_becomes_three_includes_their_R4_union()
    {
        // The project's own ValueSets list their codes one by one (the engine refuses imports, TERM105); the shim stays
        // for R4 content written the other way, e.g. lab-observation as it was composed before issue 18.
        var valueSet = new ValueSet
        {
            Url = "https://tacecds.org/fhir/ValueSet/example-imports",
            Compose = new ValueSet.ComposeComponent
            {
                Include =
                [
                    new ValueSet.ConceptSetComponent
                    {
                        ValueSet = ["https://tacecds.org/fhir/ValueSet/lab-albumin", "https://tacecds.org/fhir/ValueSet/lab-bilirubin",
                            "https://tacecds.org/fhir/ValueSet/lab-inr"],
                    },
                    new ValueSet.ConceptSetComponent { System = "https://tacecds.org/fhir/CodeSystem/tacecds", Concept = [new() { Code = "pt-prolongation" }] },
                ],
            },
        };

        R4ValueSetImports.Normalize(valueSet);

        var imports = valueSet.Compose!.Include.Where(i => i.System is null).ToList();
        Assert.Equal(3, imports.Count);
        Assert.All(imports, i => Assert.Single(i.ValueSet));
        Assert.Contains(imports, i => i.ValueSet.Single() == "https://tacecds.org/fhir/ValueSet/lab-albumin");
        Assert.Single(valueSet.Compose.Include, i => i.System == "https://tacecds.org/fhir/CodeSystem/tacecds");
    }

    public static TheoryData<string, string> ExternalFragments() => new()
    {
        { "http://loinc.org", "CodeSystem-loinc-fragment.json" },
        { "http://snomed.info/sct", "CodeSystem-snomed-fragment.json" },
    };

    [Theory]
    [MemberData(nameof(ExternalFragments))]
    public void Every_code_of_an_external_system_in_a_project_value_set_is_in_its_shipped_fragment(string system, string fragmentFile)
    {
        using var fragment = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProfilesDir, "terminology", fragmentFile)));
        var root = fragment.RootElement;
        Assert.Equal(system, root.GetProperty("url").GetString());
        Assert.Equal("fragment", root.GetProperty("content").GetString());
        var shipped = root.GetProperty("concept").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToHashSet();
        Assert.Equal(shipped.Count, root.GetProperty("count").GetInt32());

        var named = new List<string>();
        foreach (var file in Directory.GetFiles(ProfilesDir, "ValueSet-*.json"))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var include in doc.RootElement.GetProperty("compose").GetProperty("include").EnumerateArray())
                if (include.TryGetProperty("system", out var s) && s.GetString() == system && include.TryGetProperty("concept", out var concepts))
                    named.AddRange(concepts.EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
        }

        Assert.NotEmpty(named);
        Assert.All(named, code => Assert.Contains(code, shipped));
    }

    // What a ValueSet's compose names: listed concepts, all concepts of a project CodeSystem, and imported ValueSets.
    private async Task<HashSet<(string, string)>> ComposedCodes(ValueSet valueSet)
    {
        var codes = new HashSet<(string, string)>();
        foreach (var include in valueSet.Compose!.Include)
        {
            foreach (var concept in include.Concept) codes.Add((include.System!, concept.Code!));
            if (include.System is { } system && include.Concept.Count == 0)
            {
                var codeSystem = (CodeSystem)(await fixture.Validator.Resolver.TryResolveByCanonicalUriAsync(system)).Value!;
                foreach (var concept in codeSystem.Concept) codes.Add((system, concept.Code!));
            }
            foreach (var imported in include.ValueSet)
            {
                var other = new FhirJsonDeserializer().Deserialize<ValueSet>(File.ReadAllText(Path.Combine(ProfilesDir, $"ValueSet-{imported!.Split('/')[^1]}.json")));
                codes.UnionWith(await ComposedCodes(other));
            }
        }
        return codes;
    }
}
