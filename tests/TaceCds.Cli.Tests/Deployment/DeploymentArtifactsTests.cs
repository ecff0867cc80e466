using System.Text.RegularExpressions;
using TaceCds.Service.Health;
using TaceCds.Testing;
using YamlDotNet.RepresentationModel;

namespace TaceCds.Cli.Tests.Deployment;

/// <summary>
/// The deployment descriptions in deploy/ agree with the service they deploy: the probes call the health endpoints it
/// maps, the container port is the one it is told to listen on, the settings it refuses to start without are given,
/// and the PostgreSQL connection comes from a Secret. (They cannot be run here: no Docker engine, no cluster.)
/// </summary>
public sealed class DeploymentArtifactsTests
{
    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(RepoPaths.InRepo("deploy", "kubernetes", file))));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => n is YamlSequenceNode seq ? seq.Children[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_Deployment_probes_live_and_ready_on_the_port_the_ConfigMap_makes_the_service_listen_on()
    {
        var container = At(Yaml("deployment.yaml"), "spec", "template", "spec", "containers", "0");
        Assert.Equal(HealthRegistration.LivePath, Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal(HealthRegistration.ReadyPath, Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal(HealthRegistration.LivePath, Scalar(container, "startupProbe", "httpGet", "path"));
        var port = Scalar(container, "ports", "0", "containerPort");
        Assert.Equal($"http://+:{port}", Scalar(Yaml("configmap.yaml"), "data", "ASPNETCORE_URLS"));
    }

    [Fact]
    public void Off_loopback_in_the_cluster_the_ConfigMap_gives_PublicBaseUrl_and_a_trusted_client()
    {
        var data = At(Yaml("configmap.yaml"), "data");
        Assert.StartsWith("https://", Scalar(data, "TaceCds__PublicBaseUrl"));
        Assert.NotEmpty(Scalar(data, "TaceCds__Auth__Clients__0__Issuer"));
        Assert.False(((YamlMappingNode)data).Children.ContainsKey(new YamlScalarNode("TaceCds__Auth__Enabled")));
    }

    [Fact]
    public void The_PostgreSQL_connection_comes_from_the_Secret_the_Deployment_reads()
    {
        var secret = Yaml("secret.yaml");
        Assert.Equal("Secret", Scalar(secret, "kind"));
        Assert.StartsWith("postgres:", Scalar(secret, "stringData", "TaceCds__Store"));
        // Off loopback the service refuses enabled board links without a signing key of at least 32 bytes (issue 15).
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Scalar(secret, "stringData", "TaceCds__Board__LinkSecret")) >= 32);
        var envFrom = (YamlSequenceNode)At(Yaml("deployment.yaml"), "spec", "template", "spec", "containers", "0", "envFrom");
        Assert.Contains(envFrom.Children, e => ((YamlMappingNode)e).Children.TryGetValue(new YamlScalarNode("secretRef"), out var r)
            && Scalar(r, "name") == Scalar(secret, "metadata", "name"));
    }

    [Fact]
    public void The_Dockerfile_runs_serve_on_the_official_ASP_NET_runtime_image_of_the_target_framework()
    {
        var dockerfile = File.ReadAllText(RepoPaths.InRepo("deploy", "Dockerfile"));
        var framework = Regex.Match(File.ReadAllText(RepoPaths.InRepo("Directory.Build.props")), @"<TargetFramework>net(\d+\.\d+)</TargetFramework>").Groups[1].Value;
        Assert.Matches($@"(?m)^FROM mcr\.microsoft\.com/dotnet/aspnet:{Regex.Escape(framework)}$", dockerfile);
        Assert.Matches(@"(?m)^ENTRYPOINT \[""dotnet"", ""/app/tacecds\.dll"", ""serve""", dockerfile);
        Assert.Matches(@"(?m)^USER app$", dockerfile);
    }

    [Fact]
    public void The_systemd_unit_runs_serve_and_does_not_restart_a_refused_configuration()
    {
        var unit = File.ReadAllText(RepoPaths.InRepo("deploy", "systemd", "tacecds.service"));
        Assert.Matches(@"(?m)^ExecStart=/usr/bin/dotnet /opt/tacecds/tacecds\.dll serve ", unit);
        Assert.Matches($@"(?m)^RestartPreventExitStatus={Service.Program.RefusedExitCode}$", unit);
        Assert.Matches(@"(?m)^EnvironmentFile=/etc/tacecds/tacecds\.env$", unit);
    }
}
