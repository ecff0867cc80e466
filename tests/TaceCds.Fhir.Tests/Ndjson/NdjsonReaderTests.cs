using System.Text;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Ndjson;

namespace TaceCds.Fhir.Tests.Ndjson;

public class NdjsonReaderTests
{
    private static List<NdjsonResult> Read(string text, FhirJsonParserOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return new NdjsonReader(options).Read(stream).ToList();
    }

    [Fact]
    public void Bad_line_in_the_middle_is_reported_and_the_others_are_read()
    {
        var results = Read(
            """{"resourceType":"Patient","id":"p1"}""" + "\n" +
            """{"resourceType":"Observation","id":"o1","subject":{"reference":"Patient/p1"}""" + "\n" + // truncated
            "\n" +
            """{"resourceType":"Observation","id":"o2","status":5}""" + "\n" +
            """{"resourceType":"Observation","id":"o3"}""" + "\n");
        Assert.Equal([1, 2, 4, 5], results.Select(r => r.LineNumber));
        Assert.Equal("p1", results[0].Resource!.Id);
        Assert.Equal(("JSON101", 2L), (results[1].Error!.Code, results[1].Error!.Line));
        Assert.NotNull(results[1].Error!.Position);
        Assert.Equal(("JSON103", "Observation.status", 4L), (results[2].Error!.Code, results[2].Error!.Path, results[2].Error!.Line));
        Assert.Contains("line 4", results[2].Error!.Message);
        Assert.Equal("o3", results[3].Resource!.Id);
    }

    [Fact]
    public void Offsets_and_lengths_locate_each_line_including_crlf_and_no_final_newline()
    {
        var l1 = """{"resourceType":"Patient","id":"a"}""";
        var l2 = """{"resourceType":"Patient","id":"bé"}""".Replace("é", ""); // plain ASCII id
        var l3 = """{"resourceType":"Patient","id":"c"}""";
        var text = l1 + "\r\n" + "   \n" + l2 + "\n" + l3;
        var results = Read(text);
        Assert.Equal([1, 3, 4], results.Select(r => r.LineNumber));
        Assert.Equal([0L, l1.Length + 2 + 4, l1.Length + 2 + 4 + l2.Length + 1], results.Select(r => r.Offset));
        Assert.Equal(l1.Length + 1, results[0].Length); // the '\r' is in the line's bytes
        Assert.Equal(["a", "b", "c"], results.Select(r => r.Resource!.Id));
    }

    [Fact]
    public void Lines_span_read_buffers()
    {
        var big = new string('x', 200_000);
        var text = $$"""{"resourceType":"Patient","id":"a","name":[{"text":"{{big}}"}]}""" + "\n" + """{"resourceType":"Patient","id":"b"}""";
        var results = Read(text);
        Assert.Equal(big, ((Patient)results[0].Resource!).Name.Single().Text);
        Assert.Equal("b", results[1].Resource!.Id);
    }

    [Fact]
    public void Line_over_the_limit_is_JSON106_and_reading_continues()
    {
        var options = new FhirJsonParserOptions { MaxNdjsonLineBytes = 100 };
        var longLine = $$"""{"resourceType":"Patient","id":"a","name":[{"text":"{{new string('x', 300)}}"}]}""";
        var results = Read(longLine + "\n" + """{"resourceType":"Patient","id":"b"}""" + "\n" + longLine, options);
        Assert.Equal(3, results.Count);
        Assert.Equal(("JSON106", 1L), (results[0].Error!.Code, results[0].Error!.Line));
        Assert.Equal("b", results[1].Resource!.Id);
        Assert.Equal(("JSON106", 3L), (results[2].Error!.Code, results[2].Error!.Line));
    }

    [Fact]
    public void Non_resource_lines_get_their_codes()
    {
        var results = Read("[1,2]\n{\"resourceType\":\"Observaton\"}\n{\"id\":\"x\"}\n");
        Assert.Equal(["JSON104", "JSON102", "JSON104"], results.Select(r => r.Error!.Code));
        Assert.Equal([1L, 2L, 3L], results.Select(r => r.Error!.Line!.Value));
    }

    [Fact]
    public void ReadFile_streams_a_file()
    {
        using var folder = new TempFolder();
        var file = folder.Write("Patient.ndjson", """{"resourceType":"Patient","id":"a"}""" + "\n" + """{"resourceType":"Patient","id":"b"}""" + "\n");
        Assert.Equal(["a", "b"], new NdjsonReader().ReadFile(file).Select(r => r.Resource!.Id));
    }
}
