using TaceCds.SampleGenerator;
using TaceCds.SampleGenerator.Scenarios;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Samples;

/// <summary>The committed samples are exactly what the seeded generator makes (regenerate: see samples/README.md).</summary>
public class SampleGeneratorTests
{
    [Fact]
    public void Committed_samples_equal_the_generator_output_byte_for_byte()
    {
        var generated = ScenarioCatalog.All().ToDictionary(r => r.Id, r => BundleWriter.ToUtf8(r.ToBundle()));

        Assert.Equal(SampleEvaluations.Ids.ToArray(), generated.Keys.Order().ToArray());
        foreach (var (id, bytes) in generated)
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(RepoPaths.InRepo("samples", id + ".json"))),
                $"samples/{id}.json differs from the generator's output: run `dotnet run --project samples/generator -- samples`");
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        var first = ScenarioCatalog.All().Select(r => BundleWriter.ToUtf8(r.ToBundle())).ToList();
        var second = ScenarioCatalog.All().Select(r => BundleWriter.ToUtf8(r.ToBundle())).ToList();
        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.AsSpan().SequenceEqual(pair.Second)));
        Assert.True(first.Count >= 10);
    }
}
