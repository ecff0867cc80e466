using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;

namespace TaceCds.Validation;

/// <summary>
/// The on-disk cache that makes a warm start cheap. Firely compiles its validation schemas in memory only (its
/// ElementSchema cannot be read back from disk), and most of a cold start goes into indexing the ~4,000 files of
/// the R4 specification archive to find the few dozen StructureDefinitions, ValueSets and CodeSystems a validation
/// needs. This resolver sits in front of the archive: everything the validator resolved from it — with the
/// snapshots and the ValueSet expansions Firely computed in place — is written to one NDJSON file, and the next
/// process answers from that file without opening the archive at all. A canonical not in the file falls through
/// to the archive and is added. The file name carries the Firely and specification versions, so a package
/// upgrade starts a new cache instead of reading a stale one.
/// </summary>
internal sealed class ConformanceDiskCache : IResourceResolver, IAsyncResourceResolver
{
    private readonly string? _file;
    private readonly IResourceResolver _core;
    private readonly ConcurrentDictionary<string, Resource> _byCanonical = new(StringComparer.Ordinal);
    private int _added;

    public ConformanceDiskCache(string? cacheDir, IResourceResolver core)
    {
        _core = core;
        if (cacheDir is null) return;
        _file = Path.Combine(cacheDir, $"r4-core-{SdkVersion()}.ndjson");
        Load();
    }

    /// <summary>Resources answered from the disk file at start-up (0 on a cold start).</summary>
    public int LoadedFromDisk { get; private set; }

    public ResolverResult TryResolveByCanonicalUri(string uri)
    {
        if (_byCanonical.TryGetValue(uri, out var hit)) return hit;
        var found = _core.TryResolveByCanonicalUri(uri);
        if (found.Success && found.Value is { } resource && _byCanonical.TryAdd(uri, resource)) Interlocked.Increment(ref _added);
        return found;
    }

    public ResolverResult TryResolveByUri(string uri) => _core.TryResolveByUri(uri);

    public Resource? ResolveByCanonicalUri(string uri) => TryResolveByCanonicalUri(uri).Value;

    public Resource? ResolveByUri(string uri) => TryResolveByUri(uri).Value;

    public Task<ResolverResult> TryResolveByCanonicalUriAsync(string uri) => System.Threading.Tasks.Task.FromResult(TryResolveByCanonicalUri(uri));

    public Task<ResolverResult> TryResolveByUriAsync(string uri) => System.Threading.Tasks.Task.FromResult(TryResolveByUri(uri));

    public Task<Resource?> ResolveByCanonicalUriAsync(string uri) => System.Threading.Tasks.Task.FromResult(ResolveByCanonicalUri(uri));

    public Task<Resource?> ResolveByUriAsync(string uri) => System.Threading.Tasks.Task.FromResult(ResolveByUri(uri));

    /// <summary>Writes the cache file when this process resolved something new (atomically: temp file + rename).</summary>
    public void Flush()
    {
        if (_file is null || Interlocked.Exchange(ref _added, 0) == 0) return;
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        var temp = _file + "." + Environment.ProcessId + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            foreach (var (canonical, resource) in _byCanonical.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                // One line per canonical: the canonical (a version-qualified alias may differ from resource.url), a tab, the JSON.
                writer.Write(canonical);
                writer.Write('\t');
                writer.WriteLine(resource.ToJson(pretty: false));
            }
        }
        File.Move(temp, _file, overwrite: true);
    }

    private void Load()
    {
        if (_file is null || !File.Exists(_file)) return;
        var parser = new FhirJsonDeserializer();
        try
        {
            foreach (var line in File.ReadLines(_file))
            {
                var tab = line.IndexOf('\t');
                if (tab <= 0) continue;
                _byCanonical[line[..tab]] = parser.DeserializeResource(line[(tab + 1)..]);
            }
            LoadedFromDisk = _byCanonical.Count;
        }
        catch (Exception e) when (e is DeserializationFailedException or FormatException or IOException)
        {
            // A damaged cache is only a slower start: forget it and resolve from the archive again.
            _byCanonical.Clear();
            LoadedFromDisk = 0;
        }
    }

    private static string SdkVersion()
    {
        var version = typeof(Resource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }
}
