using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Terminology;
using TaceCds.Fhir.Terminology;
using TaceCds.Testing;

namespace TaceCds.Clinical.Tests.Terminology;

/// <summary>
/// The engine's value sets come from fhir-profiles/ValueSet-*.json (built in) and a site's own files; every problem is
/// a TERM1xx error naming file and place. These tests replace the old "C# list equals ValueSet" consistency checks.
/// </summary>
public sealed class TerminologyLoaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "tacecds-term-test-" + Guid.NewGuid().ToString("N"));

    public TerminologyLoaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_value_set_file_in_fhir_profiles_is_built_in()
    {
        var onDisk = Directory.GetFiles(RepoPaths.InRepo("fhir-profiles"), "ValueSet-*.json").Select(f => Path.GetFileName(f)).Order().ToList();
        var builtIn = TerminologyLoader.BuiltInFiles().Select(f => f.File.Replace("fhir-profiles/", "").Replace(" (built in)", "")).Order().ToList();
        Assert.Equal(onDisk, builtIn);
        Assert.Equal(31, builtIn.Count); // 30 engine value sets + tacecds-results (the codes of published results, issue 16)
    }

    [Theory]
    [InlineData("http://loinc.org", "1975-2", FactKind.Bilirubin)]
    [InlineData("http://loinc.org", "14631-6", FactKind.Bilirubin)]
    [InlineData("http://loinc.org", "53962-7", FactKind.Afp)]
    [InlineData("http://loinc.org", "26499-4", FactKind.Neutrophils)]
    [InlineData("http://loinc.org", "34444-0", FactKind.PivkaII)]
    [InlineData("http://loinc.org", "89247-1", FactKind.Ecog)]
    [InlineData("https://tacecds.org/fhir/CodeSystem/tacecds", "viable-diameter", FactKind.ViableDiameter)]
    public void A_built_in_observation_code_means_its_kind(string system, string code, FactKind kind)
    {
        Assert.Equal(kind, EngineTerminology.BuiltIn.FindObservation(system, code)?.Kind);
    }

    [Fact]
    public void Every_lab_kind_has_a_value_set_with_codes_and_every_coded_kind_its_answers()
    {
        var terminology = EngineTerminology.BuiltIn;
        foreach (var binding in ObservationCatalog.Kinds)
        {
            if (binding.CodesFrom is { } url) Assert.NotEmpty(terminology.Get(url).Codes);
            Assert.Equal(binding.Entry.ValueType == FactValueType.Code, binding.AnswersFrom is not null);
            if (binding.AnswersFrom is { } answers) Assert.NotEmpty(terminology.Get(answers).Codes);
        }
        Assert.Equal(["none", "mild", "moderate-severe"], terminology.AnswersFor(FactKind.Ascites).Codes.Select(c => c.Code));
        Assert.Equal(["0", "A", "B", "C", "D"], terminology.AnswersFor(FactKind.ReportedBclcStage).Codes.Select(c => c.Code));
    }

    [Fact]
    public void Every_project_coded_kind_is_published_in_a_value_set_of_observation_codes()
    {
        var observationSets = new[] { "lab-observation", "exam-finding", "lesion-finding", "imaging-parameter" }
            .SelectMany(id => EngineTerminology.BuiltIn.Get(ValueSetUrls.Base + id).Codes).Where(c => c.System == CodeSystems.TaceCds)
            .Select(c => c.Code).ToHashSet();
        foreach (var binding in ObservationCatalog.Kinds.Where(k => k.CodesFrom is null))
            Assert.True(observationSets.Contains(binding.Entry.Name), $"tacecds#{binding.Entry.Name} is in none of the Observation-code value sets");
    }

    [Fact]
    public void Lab_observation_lists_exactly_the_codes_of_the_per_kind_lab_value_sets_plus_the_status_codes()
    {
        // lab-observation is flattened (no imports) so a validator without LOINC can use it; it must stay the union.
        var t = EngineTerminology.BuiltIn;
        var union = ObservationCatalog.Kinds.Where(k => k.CodesFrom is not null).SelectMany(k => t.Get(k.CodesFrom!).Codes).Select(c => (c.System, c.Code))
            .Concat(new[] { "ascites", "hepatic-encephalopathy", "child-pugh-score", "pt-prolongation", "nlr", "cnlc-stage", "bclc-stage" }.Select(c => (CodeSystems.TaceCds, c)))
            .ToHashSet();
        var published = t.Get(ValueSetUrls.LabObservation).Codes.Select(c => (c.System, c.Code)).ToHashSet();
        Assert.Equal(21, published.Count);
        Assert.True(union.SetEquals(published), "lab-observation differs from the union: " + string.Join(", ", union.Except(published).Concat(published.Except(union))));
    }

    [Fact]
    public void A_site_file_extends_a_lab_value_set_by_default()
    {
        var t = Load(Site("afp.json", LocalTerminology.SiteValueSet(ValueSetUrls.LabAfp, "http://hospital.example/lab", "AFP-SER")));

        Assert.Equal(FactKind.Afp, t.FindObservation("http://hospital.example/lab", "AFP-SER")?.Kind);
        Assert.Equal(FactKind.Afp, t.FindObservation(CodeSystems.Loinc, "1834-1")?.Kind);
        Assert.Null(EngineTerminology.BuiltIn.FindObservation("http://hospital.example/lab", "AFP-SER"));
        Assert.Equal(2, t.Get(ValueSetUrls.LabAfp).Files.Count);
    }

    [Fact]
    public void A_site_file_tagged_replace_replaces_the_built_in_codes()
    {
        var t = Load(Site("atc.json", LocalTerminology.SiteValueSet(ValueSetUrls.SystemicTherapy, CodeSystems.Atc, "L01EX02", replace: true)));

        Assert.Equal([(CodeSystems.Atc, "L01EX02")], t.SystemicTherapy.Codes.Select(c => (c.System, c.Code)));
        Assert.False(t.SystemicTherapy.Contains(CodeSystems.Atc, "L01EX08"));
        Assert.True(t.SystemicTherapy.Replaced);
    }

    [Fact]
    public void Replacement_and_extension_combine_whatever_the_file_order()
    {
        var extend = LocalTerminology.SiteValueSet(ValueSetUrls.TaceProcedure, "http://hospital.example/orders", "B");
        var replace = LocalTerminology.SiteValueSet(ValueSetUrls.TaceProcedure, "http://hospital.example/orders", "A", replace: true);
        var t = Load(Site("1-extend.json", extend), Site("2-replace.json", replace));

        Assert.Equal(["A", "B"], t.TaceProcedure.Codes.Select(c => c.Code));
        Assert.Null(t.FindProcedure(CodeSystems.TaceCds, "tace"));
    }

    [Fact]
    public void Malformed_json_is_TERM101_with_its_line()
    {
        var e = LoadFails(Site("bad.json", "{\n  \"resourceType\": \"ValueSet\",\n  \"url\": \n}"));
        Assert.Equal(TerminologyErrorCodes.MalformedFile, e.Code);
        Assert.EndsWith("bad.json", e.File);
        Assert.Equal("line 4", e.Location);
    }

    [Fact]
    public void A_file_that_is_not_a_value_set_is_TERM101()
    {
        var e = LoadFails(Site("cs.json", """{"resourceType":"CodeSystem","url":"https://tacecds.org/fhir/ValueSet/tace-procedure"}"""));
        Assert.Equal(TerminologyErrorCodes.MalformedFile, e.Code);
        Assert.Equal("resourceType", e.Location);
    }

    [Fact]
    public void An_unknown_canonical_is_TERM102()
    {
        var e = LoadFails(Site("x.json", LocalTerminology.SiteValueSet("https://hospital.example/ValueSet/tace", "http://hospital.example/orders", "A")));
        Assert.Equal(TerminologyErrorCodes.UnknownCanonical, e.Code);
        Assert.Contains("https://hospital.example/ValueSet/tace", e.Message);
    }

    [Fact]
    public void A_site_file_for_the_engines_own_answer_codes_is_TERM103()
    {
        var e = LoadFails(Site("ascites.json", LocalTerminology.SiteValueSet(ValueSetUrls.Ascites, CodeSystems.TaceCds, "massive")));
        Assert.Equal(TerminologyErrorCodes.FixedValueSet, e.Code);
    }

    [Fact]
    public void A_loinc_added_to_a_second_lab_kind_is_TERM104_naming_both_value_sets_and_the_place()
    {
        // 1742-6 is ALT (lab-alt); a site adding it to lab-afp would make one result two kinds of fact.
        var e = LoadFails(Site("afp.json", LocalTerminology.SiteValueSet(ValueSetUrls.LabAfp, CodeSystems.Loinc, "1742-6")));
        Assert.Equal(TerminologyErrorCodes.CodeInTwoKinds, e.Code);
        Assert.EndsWith("afp.json", e.File);
        Assert.Equal("compose.include[0].concept[0]", e.Location);
        Assert.Contains("lab-afp", e.Message);
        Assert.Contains("lab-alt", e.Message);
    }

    [Fact]
    public void A_course_ending_therapy_code_added_to_tace_procedure_is_TERM104()
    {
        var e = LoadFails(Site("t.json", LocalTerminology.SiteValueSet(ValueSetUrls.TaceProcedure, CodeSystems.TaceCds, "ablation")));
        Assert.Equal(TerminologyErrorCodes.CodeInTwoKinds, e.Code);
    }

    [Theory]
    [InlineData("""{"resourceType":"ValueSet","url":"https://tacecds.org/fhir/ValueSet/lab-afp","compose":{"include":[{"valueSet":["https://x.example/vs"]}]}}""", "compose.include[0].valueSet")]
    [InlineData("""{"resourceType":"ValueSet","url":"https://tacecds.org/fhir/ValueSet/lab-afp","compose":{"include":[{"system":"http://loinc.org","filter":[{"property":"COMPONENT","op":"=","value":"AFP"}]}]}}""", "compose.include[0].filter")]
    [InlineData("""{"resourceType":"ValueSet","url":"https://tacecds.org/fhir/ValueSet/lab-afp","compose":{"include":[{"system":"http://loinc.org"}]}}""", "compose.include[0]")]
    [InlineData("""{"resourceType":"ValueSet","url":"https://tacecds.org/fhir/ValueSet/lab-afp","compose":{"include":[{"system":"http://loinc.org","concept":[{"code":"1834-1"}]}],"exclude":[]}}""", "compose.exclude")]
    public void A_compose_that_needs_a_terminology_server_is_TERM105(string json, string location)
    {
        var e = LoadFails(Site("vs.json", json));
        Assert.Equal(TerminologyErrorCodes.UnsupportedCompose, e.Code);
        Assert.Equal(location, e.Location);
    }

    [Fact]
    public void Two_replacements_of_one_value_set_are_TERM106()
    {
        var e = LoadFails(
            Site("a.json", LocalTerminology.SiteValueSet(ValueSetUrls.TaceProcedure, "http://hospital.example/orders", "A", replace: true)),
            Site("b.json", LocalTerminology.SiteValueSet(ValueSetUrls.TaceProcedure, "http://hospital.example/orders", "B", replace: true)));
        Assert.Equal(TerminologyErrorCodes.TwoReplacements, e.Code);
    }

    [Fact]
    public void A_missing_path_is_TERM107()
    {
        var e = Assert.Throws<TerminologyException>(() => TerminologyLoader.Load([Path.Combine(_dir, "nowhere")]));
        Assert.Equal(TerminologyErrorCodes.UnreadablePath, e.Code);
    }

    [Fact]
    public void A_folder_is_read_file_by_file()
    {
        Site("tace.json", LocalTerminology.SiteValueSet(ValueSetUrls.TaceProcedure, "http://hospital.example/orders", "IR-0417"));
        Site("afp.json", LocalTerminology.SiteValueSet(ValueSetUrls.LabAfp, "http://hospital.example/lab", "AFP"));
        var t = TerminologyLoader.Load([_dir]);

        Assert.Equal(TherapyKind.Tace, t.FindProcedure("http://hospital.example/orders", "IR-0417"));
        Assert.Equal(FactKind.Afp, t.FindObservation("http://hospital.example/lab", "AFP")?.Kind);
    }

    private string Site(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static EngineTerminology Load(params string[] files) => TerminologyLoader.Load(files);

    private static TerminologyException LoadFails(params string[] files) => Assert.Throws<TerminologyException>(() => TerminologyLoader.Load(files));
}
