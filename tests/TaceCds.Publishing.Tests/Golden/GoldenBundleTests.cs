using TaceCds.Publishing.Results;
using TaceCds.Testing;

namespace TaceCds.Publishing.Tests.Golden;

/// <summary>
/// The full <c>evaluate --format fhir</c> Bundle of two samples — p02 (CCI refractoriness met, stop-TACE as history) and
/// p11 (the DECT nomogram per lesion, JSH met) — compared with a reviewed copy in Golden/&lt;id&gt;.fhir.json. When a change
/// is intended, re-bless and review the diff: <c>TACECDS_BLESS=1 dotnet test tests/TaceCds.Publishing.Tests --filter Golden</c>.
/// </summary>
public class GoldenBundleTests
{
    [Theory]
    [InlineData("p02")]
    [InlineData("p11")]
    public void Bundle_equals_the_blessed_copy(string id)
    {
        var actual = ResultBundle.ToJson(PublishingFixture.Result(id), PublishingFixture.Rules, indented: true).ReplaceLineEndings("\n") + "\n";
        var path = RepoPaths.InRepo("tests", "TaceCds.Publishing.Tests", "Golden", id + ".fhir.json");
        if (Environment.GetEnvironmentVariable("TACECDS_BLESS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no blessed copy for {id}: run with TACECDS_BLESS=1 and review it");
        var expected = File.ReadAllText(path).Split('\n');
        var lines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expected.Length, lines.Length)).FirstOrDefault(i => expected[i] != lines[i], Math.Min(expected.Length, lines.Length));
        Assert.True(expected.Length == lines.Length && first == Math.Min(expected.Length, lines.Length),
            $"{id}: Bundle differs from Golden/{id}.fhir.json at line {first + 1}:\n  expected: {expected.ElementAtOrDefault(first)}\n  actual:   {lines.ElementAtOrDefault(first)}\n" +
            "If the change is intended, re-bless with TACECDS_BLESS=1 and review the diff.");
    }
}
