using System.Collections.Concurrent;
using System.Text;

namespace TaceCds.FhirPath.Model;

/// <summary>
/// A member name prepared once per compiled navigation: its <c>_name</c> extension key, UTF-8 bytes for choice-prefix
/// matching, and a small cache of its declared type per owner definition (a navigation nearly always sees one owner
/// type, so the first slots hit; the global table behind it is cached too).
/// </summary>
internal sealed class MemberName
{
    private static readonly ConcurrentDictionary<string, MemberName> Shared = new(StringComparer.Ordinal);

    private sealed record Resolved(string OwnerPath, (string Type, string Path)? Declared, bool IsPrimitive);

    private const int Slots = 4;
    private readonly Resolved?[] _resolved = new Resolved?[Slots];
    private int _next;

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

    /// <summary>A shared instance for navigations made by functions (extension(), children()); compiled paths own theirs.</summary>
    public static MemberName Of(string name) => Shared.Count < 4096 ? Shared.GetOrAdd(name, static n => new MemberName(n)) : new MemberName(name);

    /// <summary>The declared type of this member on the owner, and whether it is a FHIR primitive.</summary>
    public (string Type, string Path)? DeclaredOn(string ownerPath, string ownerType, out bool isPrimitive)
    {
        for (var i = 0; i < Slots; i++)
        {
            var slot = Volatile.Read(ref _resolved[i]);
            if (slot is null)
                break;
            if (ReferenceEquals(slot.OwnerPath, ownerPath) || string.Equals(slot.OwnerPath, ownerPath, StringComparison.Ordinal))
            {
                isPrimitive = slot.IsPrimitive;
                return slot.Declared;
            }
        }
        var declared = FhirElementTypes.Lookup(ownerPath, ownerType, Name);
        isPrimitive = declared is { } d && FhirTypeHierarchy.Primitives.Contains(d.Type);
        // Racing writers may overwrite each other's slot: harmless, a miss only costs a lookup in the global cache.
        var index = (int)((uint)(Interlocked.Increment(ref _next) - 1) % Slots);
        Volatile.Write(ref _resolved[index], new Resolved(ownerPath, declared, isPrimitive));
        return declared;
    }
}
