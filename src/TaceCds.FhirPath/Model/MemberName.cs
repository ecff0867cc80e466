using System.Collections.Concurrent;
using System.Text;

namespace TaceCds.FhirPath.Model;

/// <summary>
/// A member name prepared once per compiled navigation: its <c>_name</c> extension key, UTF-8 bytes for choice-prefix
/// matching, and a one-entry cache of its type on the last owner definition (a navigation nearly always sees one type).
/// </summary>
internal sealed class MemberName
{
    private static readonly ConcurrentDictionary<string, MemberName> Shared = new(StringComparer.Ordinal);

    private sealed record Resolved(string OwnerPath, (string Type, string Path)? Declared);

    private Resolved? _last;

    public MemberName(string name)
    {
        Name = name;
        ExtensionName = "_" + name;
        Utf8 = Encoding.UTF8.GetBytes(name);
        ExtensionUtf8 = Encoding.UTF8.GetBytes(ExtensionName);
    }

    public string Name { get; }
    public string ExtensionName { get; }
    public byte[] Utf8 { get; }
    public byte[] ExtensionUtf8 { get; }

    public static MemberName Of(string name) => Shared.Count < 4096 ? Shared.GetOrAdd(name, static n => new MemberName(n)) : new MemberName(name);

    public (string Type, string Path)? DeclaredOn(string ownerPath, string ownerType)
    {
        var last = _last;
        if (last is not null && string.Equals(last.OwnerPath, ownerPath, StringComparison.Ordinal))
            return last.Declared;
        var declared = FhirElementTypes.Lookup(ownerPath, ownerType, Name);
        _last = new Resolved(ownerPath, declared);
        return declared;
    }
}
