using System.Text;
using TaceCds.Testing;
using Xunit.Abstractions;

namespace TaceCds.FhirPath.Tests.Conformance;

/// <summary>The HL7 FHIRPath R4 suite (fhirpath.js conversion) run as data, with a named skip list.</summary>
public sealed class ConformanceTests(ITestOutputHelper output, SummarySink sink) : IClassFixture<SummarySink>
{
    private const int MaxSkipped = 60;

    [Fact]
    public void Hl7R4SuitePassesExceptTheSkipList()
    {
        var cases = ConformanceCase.Load(RepoPaths.Conformance("fhirpath", "fhir-r4.yaml"));
        var skip = SkipList.Load(RepoPaths.InRepo("tests", "TaceCds.FhirPath.Tests", "Conformance", "skip-list.txt"));
        var failures = new List<string>();
        var unexpectedPasses = new List<string>();
        int passed = 0, skipped = 0;
        foreach (var c in cases)
        {
            var failure = ConformanceRunner.Run(c);
            if (skip.ContainsKey(c.Name))
            {
                skipped++;
                if (failure is null)
                    unexpectedPasses.Add(c.Name);
            }
            else if (failure is null)
            {
                passed++;
            }
            else
            {
                failures.Add($"{c.Name} [{c.Group}] `{c.Expression}`: {failure}");
            }
        }
        var stale = skip.Keys.Where(name => cases.All(c => c.Name != name)).ToList();
        var summary = $"FHIRPath conformance: {passed} passed, {failures.Count} failed, {skipped} skipped of {cases.Count}";
        Report(summary, failures, unexpectedPasses, stale);

        Assert.True(cases.Count >= 900, $"suite has only {cases.Count} cases: wrong file?");
        Assert.True(skip.Count <= MaxSkipped, $"skip list has {skip.Count} entries; at most {MaxSkipped} allowed");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Take(60)));
        Assert.True(unexpectedPasses.Count == 0, "skipped cases now pass; remove them from skip-list.txt: " + string.Join(", ", unexpectedPasses));
        Assert.True(stale.Count == 0, "skip-list.txt names unknown cases: " + string.Join(", ", stale));
    }

    private void Report(string summary, List<string> failures, List<string> unexpectedPasses, List<string> stale)
    {
        output.WriteLine(summary);
        Console.WriteLine(summary);
        sink.Write(summary);
        var details = new StringBuilder().AppendLine(summary);
        foreach (var f in failures)
            details.AppendLine("FAIL " + f);
        foreach (var p in unexpectedPasses)
            details.AppendLine("UNEXPECTED PASS " + p);
        foreach (var s in stale)
            details.AppendLine("STALE " + s);
        var artifacts = RepoPaths.InRepo("artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "fhirpath-conformance.txt"), details.ToString());
    }
}
