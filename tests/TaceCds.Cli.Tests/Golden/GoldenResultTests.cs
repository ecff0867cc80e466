using System.Text.Encodings.Web;
using System.Text.Json;
using TaceCds.Cli.Tests.Samples;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Golden;

/// <summary>
/// The full EvaluationResult of every sample, compared with a reviewed copy in Golden/&lt;id&gt;.json. When a change
/// is intended, re-bless and review the diff: <c>TACECDS_BLESS=1 dotnet test tests/TaceCds.Cli.Tests --filter Golden</c>
/// (docs/testing.md).
/// </summary>
public class GoldenResultTests
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [MemberData(nameof(SampleEvaluations.All), MemberType = typeof(SampleEvaluations))]
    public void Result_equals_the_blessed_copy(string id)
    {
        var actual = SampleEvaluations.Result(id).ToJsonString(Options).ReplaceLineEndings("\n") + "\n";
        var path = RepoPaths.InRepo("tests", "TaceCds.Cli.Tests", "Golden", id + ".json");

        if (Environment.GetEnvironmentVariable("TACECDS_BLESS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no blessed copy for {id}: run with TACECDS_BLESS=1 and review it");
        var expected = File.ReadAllText(path);
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
        Assert.Fail($"{id}: result differs from Golden/{id}.json at line {first + 1}:\n  expected: {expectedLines.ElementAtOrDefault(first)}\n  actual:   {actualLines.ElementAtOrDefault(first)}\n" +
                    "If the change is intended, re-bless with TACECDS_BLESS=1 and review the diff.");
    }
}
