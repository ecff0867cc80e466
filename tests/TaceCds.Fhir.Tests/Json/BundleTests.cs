using TaceCds.Fhir.Json;
using TaceCds.Fhir.Json.Readers;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests.Json;

public class BundleTests
{
    private const string TwoEntries = """
        "entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","id":"p1"},"search":{"mode":"match"}},
                 {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Observation","id":"o1","subject":{"reference":"urn:uuid:1"}},
                  "request":{"method":"POST","url":"Observation"}}]
        """;

    [Theory]
    [InlineData("collection")]
    [InlineData("searchset")]
    [InlineData("transaction")]
    [InlineData("batch")]
    [InlineData("history")]
    [InlineData("document")]
    [InlineData("message")]
    public void Bundle_of_each_type_with_resources(string type)
    {
        var bundle = FhirJsonParser.Default.Parse<Bundle>(
            $$"""{"resourceType":"Bundle","type":"{{type}}","timestamp":"2024-01-01T00:00:00Z","total":2,"link":[{"relation":"next","url":"http://s/p2"}],{{TwoEntries}}}""");
        Assert.Equal((type, 2, "http://s/p2"), (bundle.Type, bundle.Total, bundle.NextLink));
        Assert.Equal(["Patient", "Observation"], bundle.Resources.Select(r => r.ResourceType));
        Assert.Equal("match", bundle.Entry[0].SearchMode);
        Assert.Equal(("POST", "Observation"), (bundle.Entry[1].Request!.Method, bundle.Entry[1].Request!.Url));
        Assert.Equal("urn:uuid:1", ((Observation)bundle.Entry[1].Resource!).Subject!.ReferenceValue);
        Assert.Equal("o1", bundle.Entry[1].Resource!.Json!.Value.GetProperty("id").GetString());
    }

    [Fact]
    public void A_conditional_create_keeps_its_ifNoneExist_through_parse_and_write()
    {
        const string json = """{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:2","resource":{"resourceType":"Observation","id":"o1"},"request":{"method":"POST","url":"Observation","ifNoneExist":"identifier=urn%3Adicom%3Auid|urn%3Aoid%3A1.2.3"}}]}""";
        var bundle = FhirJsonParser.Default.Parse<Bundle>(json);
        Assert.Equal("identifier=urn%3Adicom%3Auid|urn%3Aoid%3A1.2.3", bundle.Entry[0].Request!.IfNoneExist);
        var written = FhirJsonWriter.Default.WriteToString(bundle);
        Assert.Contains("\"request\":{\"method\":\"POST\",\"url\":\"Observation\",\"ifNoneExist\":\"identifier=urn%3Adicom%3Auid|urn%3Aoid%3A1.2.3\"}", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transaction-response")]
    [InlineData("batch-response")]
    public void Response_bundles_have_entries_without_resources(string type)
    {
        var bundle = FhirJsonParser.Default.Parse<Bundle>($$$"""
            {"resourceType":"Bundle","type":"{{{type}}}","entry":[
              {"response":{"status":"201 Created","location":"Patient/p1/_history/1"}},
              {"response":{"status":"400 Bad Request"},"resource":{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid"}]}}]}
            """);
        Assert.Null(bundle.Entry[0].Resource);
        Assert.Equal(("201 Created", "Patient/p1/_history/1"), (bundle.Entry[0].Response!.Status, bundle.Entry[0].Response!.Location));
        Assert.IsType<OperationOutcome>(bundle.Entry[1].Resource);
    }

    [Fact]
    public void Bundle_without_type_is_accepted_for_cds_hooks_draft_orders()
    {
        var bundle = FhirJsonParser.Default.Parse<Bundle>("""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"ServiceRequest","status":"draft"}}]}""");
        Assert.Null(bundle.Type);
        Assert.IsType<ServiceRequest>(bundle.Resources.Single());
    }

    [Fact]
    public void ReadFile_strict_and_lenient()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                {"resourceType":"Bundle","type":"collection","entry":[
                  {"resource":{"resourceType":"Patient","id":"p1"}},
                  {"fullUrl":"urn:uuid:bad","resource":{"resourceType":"Observation","status":1}},
                  {"resource":{"resourceType":"Observation","id":"ok","status":"final"}}]}
                """);
            var strict = Assert.Throws<FhirFormatException>(() => BundleReader.ReadFile(file));
            Assert.Equal(("JSON103", "Bundle.entry[1].resource.status"), (strict.Code, strict.Path));

            var bad = new List<FhirFormatException>();
            var bundle = BundleReader.ReadFile(file, bad);
            Assert.Equal(["p1", "ok"], bundle.Resources.Select(r => r.Id));
            Assert.Equal("urn:uuid:bad", bundle.Entry[1].FullUrl);
            Assert.Equal(("JSON103", "Bundle.entry[1].resource.status"), (bad.Single().Code, bad.Single().Path));

            File.WriteAllText(file, """{"resourceType":"Patient","id":"p1"}""");
            Assert.Equal("JSON102", Assert.Throws<FhirFormatException>(() => BundleReader.ReadFile(file)).Code);
        }
        finally { File.Delete(file); }
    }
}
