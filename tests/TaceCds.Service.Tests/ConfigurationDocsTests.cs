using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.DependencyInjection;
using TaceCds.Service.Health;
using TaceCds.Service.Hosting;
using TaceCds.Service.Telemetry;
using TaceCds.Service.Trust;
using TaceCds.Store;
using TaceCds.Testing;

namespace TaceCds.Service.Tests;

/// <summary>
/// docs/configuration.md matches the code (issue 13): every key its tables document is read by the settings classes
/// (<see cref="ServiceSettings"/>, <see cref="TrustSettings"/>) or by Program, and every key they read is documented.
/// The keys read are observed, not listed by hand: the settings are built from a configuration that records each
/// key asked for.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    /// <summary>
    /// Keys read outside the settings classes, with where: Program.Build reads the port before the settings exist, and the
    /// console log format is applied to the builder before any service is registered (<see cref="ConsoleLogFormat"/>).
    /// </summary>
    private static readonly string[] ReadByProgram = ["TaceCds:Port", ConsoleLogFormat.Key];

    private static IReadOnlySet<string> DocumentedKeys()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("docs", "configuration.md"));
        return DocumentedKey().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static IReadOnlySet<string> KeysReadBySettings()
    {
        // One trusted client, so the per-client keys are asked for too.
        var inner = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TaceCds:Auth:Clients:0:Issuer"] = "https://ehr.example.org/",
            ["TaceCds:Auth:Clients:0:Jwks"] = "{\"keys\":[]}",
        }).Build();
        var recording = new RecordingConfiguration(inner, "");
        ServiceSettings.From(recording);
        TrustSettings.From(recording);
        TaceCds.Service.Board.BoardLinkSettings.From(recording, new ListenAddresses(["http://127.0.0.1:5858"], false));
        // The health checks and the telemetry read their keys while registering.
        var services = new ServiceCollection();
        services.AddSingleton<ICdsStore>(_ => throw new InvalidOperationException("not built in this test"));
        services.AddCdsHealthChecks(recording);
        services.AddCdsTelemetry(recording);
        return recording.Read.Select(k => ClientIndex().Replace(k, ":Clients:N:")).Where(k => k.StartsWith("TaceCds:", StringComparison.Ordinal))
            .Concat(ReadByProgram).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Every_documented_key_is_read_by_the_code()
    {
        var read = KeysReadBySettings();
        var unread = DocumentedKeys().Where(k => !read.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unread.Count == 0, "documented in docs/configuration.md but never read: " + string.Join(", ", unread));
    }

    [Fact]
    public void Every_key_the_code_reads_is_documented()
    {
        var documented = DocumentedKeys();
        // Sections read only to reach their children (TaceCds:Auth:Clients) are not keys of their own.
        var undocumented = KeysReadBySettings().Where(k => !documented.Contains(k) && !documented.Any(d => d.StartsWith(k + ":", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "read by the code but not in docs/configuration.md's tables: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_stale_sentence_that_JWT_authentication_is_not_implemented_is_gone()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("docs", "configuration.md"));
        Assert.DoesNotContain("is not implemented", text, StringComparison.Ordinal);
        Assert.Contains("`TaceCds:Auth:Clients:N:Algorithms`", text, StringComparison.Ordinal);
    }

    // A table row's first cell: | `TaceCds:…` |
    [GeneratedRegex(@"^\| `(TaceCds:[A-Za-z0-9:]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedKey();

    [GeneratedRegex(@":Clients:\d+:")]
    private static partial Regex ClientIndex();

    /// <summary>An IConfiguration that records the full path of every value read (indexer, section value, children).</summary>
    private sealed class RecordingConfiguration(IConfiguration inner, string path, HashSet<string>? read = null) : IConfigurationSection
    {
        public HashSet<string> Read { get; } = read ?? new HashSet<string>(StringComparer.Ordinal);

        private string Full(string key) => path.Length == 0 ? key : path + ":" + key;

        public string? this[string key]
        {
            get
            {
                Read.Add(Full(key));
                return inner[key];
            }
            set => inner[key] = value;
        }

        public IConfigurationSection GetSection(string key) => new RecordingConfiguration(inner.GetSection(key), Full(key), Read);

        public IEnumerable<IConfigurationSection> GetChildren() =>
            inner.GetChildren().Select(c => (IConfigurationSection)new RecordingConfiguration(c, Full(c.Key), Read)).ToList();

        public IChangeToken GetReloadToken() => inner.GetReloadToken();

        public string Key => path[(path.LastIndexOf(':') + 1)..];
        public string Path => path;

        public string? Value
        {
            get
            {
                Read.Add(path);
                return (inner as IConfigurationSection)?.Value;
            }
            set
            {
                if (inner is IConfigurationSection section) section.Value = value;
            }
        }
    }
}
