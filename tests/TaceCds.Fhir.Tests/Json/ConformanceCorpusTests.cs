using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;
using TaceCds.Testing;

namespace TaceCds.Fhir.Tests.Json;

/// <summary>The R4 example resources shipped with the FHIRPath suite (../shared/conformance/fhirpath/resources).</summary>
public class ConformanceCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.Conformance("fhirpath", "resources"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_example_parses_to_its_type(string fileName)
    {
        var path = RepoPaths.Conformance("fhirpath", "resources", fileName);
        var resource = FhirJsonParser.Default.ParseFile(path);
        var declared = resource.Json!.Value.GetProperty("resourceType").GetString();
        Assert.Equal(declared, resource.ResourceType);
        Assert.Equal(resource.Json!.Value.GetProperty("id").GetString(), resource.Id);
        bool modelled = resource is not OtherResource;
        Assert.Equal(declared is "Patient" or "Observation", modelled);
    }

    [Fact]
    public void The_corpus_is_present_and_holds_modelled_types()
    {
        var files = Files();
        Assert.True(files.Count >= 10, $"expected the FHIRPath suite's resources, found {files.Count}");
        var observation = FhirJsonParser.Default.ParseFile<Observation>(RepoPaths.Conformance("fhirpath", "resources", "observation-example.json"));
        var weight = Assert.IsType<Quantity>(observation.Value);
        Assert.Equal((185m, "[lb_av]"), (weight.Value, weight.Code));
        Assert.Equal("Age", observation.Extensions.Single().Value!.FhirTypeName);
        var patient = FhirJsonParser.Default.ParseFile<Patient>(RepoPaths.Conformance("fhirpath", "resources", "patient-example.json"));
        Assert.Equal(("male", "1974-12-25"), (patient.Gender, patient.BirthDate!.Value));
        Assert.False(Assert.IsType<FhirBoolean>(patient.Deceased).Value);
    }
}
