using TaceCds.Fhir.Data;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Data;

public sealed class BundleFileDataSourceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static async Task<List<string>> Ids(IFhirDataSource source)
    {
        var ids = new List<string>();
        await foreach (var id in source.ListPatientIdsAsync(CancellationToken.None)) ids.Add(id);
        return ids;
    }

    [Fact]
    public async Task One_patient_per_bundle_with_urn_uuid_references_and_shared_resources()
    {
        _folder.Write("a.json", """
            {"resourceType":"Bundle","type":"transaction","entry":[
              {"fullUrl":"urn:uuid:11111111-1111-1111-1111-111111111111","resource":{"resourceType":"Patient","id":"pa"},"request":{"method":"POST","url":"Patient"}},
              {"fullUrl":"urn:uuid:22","resource":{"resourceType":"Organization","id":"org"},"request":{"method":"POST","url":"Organization"}},
              {"fullUrl":"urn:uuid:33","resource":{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"urn:uuid:11111111-1111-1111-1111-111111111111"}},"request":{"method":"POST","url":"Observation"}},
              {"fullUrl":"urn:uuid:44","resource":{"resourceType":"Observation","id":"o2","status":false,"subject":{"reference":"urn:uuid:11111111-1111-1111-1111-111111111111"}},"request":{"method":"POST","url":"Observation"}}]}
            """);
        _folder.Write("b.json", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"pb"}},{"resource":{"resourceType":"Procedure","id":"t","subject":{"reference":"Patient/pb"}}}]}""");
        // Strict elements: a resource with one bad element is refused whole (the recovering default is tested in ElementRecoveryTests).
        var source = new BundleFileDataSource([_folder.Path], FhirJsonParserOptions.Default);

        Assert.Equal(["pa", "pb"], await Ids(source));
        var a = (await source.GetPatientRecordAsync("pa", CancellationToken.None))!;
        Assert.Equal("pa", a.Patient!.Id);
        Assert.Equal(["Patient/pa", "Organization/org", "Observation/o1"], a.Resources.Select(r => r.LocalReference));
        var issue = Assert.Single(a.Issues);
        Assert.Equal(("JSON103", $"{Path.Combine(_folder.Path, "a.json")}: Bundle.entry[3].resource.status (line 5)"), (issue.Code, issue.Location));
        Assert.Equal(Path.Combine(_folder.Path, "a.json"), a.Source);

        var b = (await source.GetPatientRecordAsync("pb", CancellationToken.None))!;
        Assert.IsType<Procedure>(b.Resources[1]);
        Assert.Empty(source.Issues);
        Assert.Null(await source.GetPatientRecordAsync("pc", CancellationToken.None));
    }

    [Fact]
    public async Task Several_patients_in_one_bundle_are_split_by_reference()
    {
        var file = _folder.Write("search.json", """
            {"resourceType":"Bundle","type":"searchset","entry":[
              {"resource":{"resourceType":"Patient","id":"p1"}},
              {"resource":{"resourceType":"Patient","id":"p2"}},
              {"resource":{"resourceType":"Observation","id":"o1","subject":{"reference":"Patient/p2"}}},
              {"resource":{"resourceType":"BodyStructure","id":"l1","patient":{"reference":"Patient/p1"}}},
              {"resource":{"resourceType":"Medication","id":"m"}},
              {"search":{"mode":"outcome"}}]}
            """);
        var source = new BundleFileDataSource([file]);
        Assert.Equal(["p1", "p2"], await Ids(source));
        Assert.Equal(["Patient/p1", "BodyStructure/l1"], (await source.GetPatientRecordAsync("p1", CancellationToken.None))!.Resources.Select(r => r.LocalReference));
        Assert.Equal(["Patient/p2", "Observation/o1"], (await source.GetPatientRecordAsync("p2", CancellationToken.None))!.Resources.Select(r => r.LocalReference));
        var unassigned = Assert.Single(source.Issues);
        Assert.Equal((DataIssueCodes.NoPatientReference, $"{file}: Bundle.entry[4].resource"), (unassigned.Code, unassigned.Location));
    }

    [Fact]
    public async Task Patient_in_several_files_gets_all_of_them_and_bad_files_are_reported()
    {
        var one = _folder.Write("1.json", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p"}}]}""");
        var two = _folder.Write("2.json", """{"resourceType":"Bundle","type":"batch","entry":[{"resource":{"resourceType":"Condition","id":"c","subject":{"reference":"Patient/p"}},"request":{"method":"PUT","url":"Condition/c"}}]}""");
        var broken = _folder.Write("3.json", "{\"resourceType\":\"Bundle\",\n\"entry\":[");
        var notBundle = _folder.Write("4.json", """{"resourceType":"Patient","id":"q"}""");
        var source = new BundleFileDataSource([_folder.Path]);
        Assert.Equal(["p"], await Ids(source));
        var record = (await source.GetPatientRecordAsync("p", CancellationToken.None))!;
        Assert.Equal(["Patient", "Condition"], record.Resources.Select(r => r.ResourceType));
        Assert.Equal($"{one};{two}", record.Source);
        Assert.Equal(2, source.Issues.Count);
        Assert.Equal(("JSON101", $"{broken}:2"), (source.Issues[0].Code, source.Issues[0].Location));
        Assert.Equal(("JSON102", $"{notBundle}: $.resourceType"), (source.Issues[1].Code, source.Issues[1].Location));
    }

    [Fact]
    public async Task Bundle_without_a_Patient_resource_still_yields_the_referenced_patient()
    {
        var file = _folder.Write("x.json", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","subject":{"reference":"Patient/z"}}}]}""");
        var record = (await new BundleFileDataSource([file]).GetPatientRecordAsync("z", CancellationToken.None))!;
        Assert.Null(record.Patient);
        Assert.IsType<Observation>(record.Resources.Single());
    }
}
