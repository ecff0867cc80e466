using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;
using TaceCds.SampleGenerator.Population;
using TaceCds.Testing;
using YamlDotNet.RepresentationModel;

namespace TaceCds.Cli.Tests.Population;

/// <summary>
/// deploy/kubernetes/population-job.yaml (no cluster here): an Indexed Job whose N agrees everywhere, whose pods get
/// their index, and whose container arguments — with the index filled in as Kubernetes would — are a valid run of the
/// CLI that writes that partition's results.
/// </summary>
public sealed class PopulationJobManifestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tacecds-job-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static YamlMappingNode Job()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepoPaths.InRepo("deploy", "kubernetes", "population-job.yaml"))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => n is YamlSequenceNode seq ? seq.Children[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_Job_is_Indexed_with_one_pod_per_partition_and_the_same_N_in_the_partition_argument()
    {
        var job = Job();
        Assert.Equal("Indexed", Scalar(job, "spec", "completionMode"));
        var n = Scalar(job, "spec", "completions");
        Assert.Equal(n, Scalar(job, "spec", "parallelism"));
        var container = At(job, "spec", "template", "spec", "containers", "0");
        var args = ((YamlSequenceNode)At(container, "args")).Children.Select(a => ((YamlScalarNode)a).Value!).ToList();
        Assert.Equal($"$(PARTITION_INDEX)/{n}", args[args.IndexOf("--partition") + 1]);
        var env = ((YamlSequenceNode)At(container, "env")).Children.Cast<YamlMappingNode>().Single(e => Scalar(e, "name") == "PARTITION_INDEX");
        Assert.Equal("metadata.annotations['batch.kubernetes.io/job-completion-index']", Scalar(env, "valueFrom", "fieldRef", "fieldPath"));
    }

    [Fact]
    public void The_container_arguments_of_pod_1_run_the_CLI_over_partition_1_of_3()
    {
        var export = Path.Combine(_folder, "export");
        PopulationExport.Write(export, patients: 30, seed: 5);
        var container = At(Job(), "spec", "template", "spec", "containers", "0");
        var asOf = Scalar(((YamlSequenceNode)At(container, "env")).Children.Cast<YamlMappingNode>().Single(e => Scalar(e, "name") == "AS_OF"), "value");
        // Kubernetes expands $(VAR) from the container's environment; the volumes are mounted at /export and /results.
        var args = ((YamlSequenceNode)At(container, "args")).Children.Select(a => ((YamlScalarNode)a).Value!
            .Replace("$(PARTITION_INDEX)", "1", StringComparison.Ordinal).Replace("$(AS_OF)", asOf, StringComparison.Ordinal)
            .Replace("/export", export, StringComparison.Ordinal).Replace("/results", _folder, StringComparison.Ordinal)).ToArray();

        var run = CliProcess.Run(args);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "part-1.ndjson.summary.json")))!;
        Assert.Equal("1/3", summary["partition"]!.ToString());
        Assert.Equal((int)summary["patients"]!, File.ReadAllLines(Path.Combine(_folder, "part-1.ndjson")).Length);
    }
}
