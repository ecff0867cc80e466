using System.Text.Json.Nodes;
using TaceCds.Rules.Testing;

namespace TaceCds.Rules.Tests;

public class VectorToolsTests
{
    [Fact]
    public void Fact_patch_sets_and_removes_by_path()
    {
        var o = JsonNode.Parse("""{ "course": { "assessments": [ { "sum": 1 }, { "sum": 2 } ], "baseline": { "sum": 3 } } }""")!.AsObject();
        FactPatch.Set(o, "course.assessments[1].sum", 96);
        FactPatch.Set(o, "course.assessments[-1].date", "2024-07-02");
        FactPatch.Set(o, "facts.new.value", true);
        FactPatch.Remove(o, "course.baseline");
        FactPatch.Remove(o, "course.assessments[0]");
        Assert.Equal("""{"course":{"assessments":[{"sum":96,"date":"2024-07-02"}]},"facts":{"new":{"value":true}}}""", o.ToJsonString());
        Assert.Throws<FormatException>(() => FactPatch.Remove(o, "course.missing"));
        Assert.Throws<FormatException>(() => FactPatch.Set(o, "course.assessments[5].sum", 1));
    }

    [Theory]
    [InlineData("0.105", "0.1053", true)]
    [InlineData("0.105", "0.1056", false)]
    [InlineData("125.0", "125", true)]
    [InlineData("120", "119.9", true)]
    [InlineData("120.0", "119.9", false)]
    public void Numbers_match_to_the_decimals_written(string expected, string actual, bool match)
    {
        var errors = JsonExpectation.Compare(JsonNode.Parse(expected), JsonNode.Parse(actual), "x");
        Assert.Equal(match, errors.Count == 0);
    }

    [Fact]
    public void Objects_match_as_subsets_and_lists_by_length()
    {
        Assert.Empty(JsonExpectation.Compare(JsonNode.Parse("""{ "a": 1 }"""), JsonNode.Parse("""{ "a": 1, "b": 2 }"""), "x"));
        Assert.Single(JsonExpectation.Compare(JsonNode.Parse("""[1]"""), JsonNode.Parse("""[1, 2]"""), "x"));
        Assert.Single(JsonExpectation.Compare(JsonNode.Parse("""{ "a": null }"""), JsonNode.Parse("""{ "a": 1 }"""), "x"));
        Assert.Single(JsonExpectation.Compare(JsonNode.Parse("""{ "a": "met" }"""), JsonNode.Parse("""{ "a": "not-met" }"""), "x"));
    }
}
