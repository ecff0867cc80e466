using System.Security.Cryptography;
using System.Text;

namespace TaceCds.Fhir.Identity;

/// <summary>
/// RFC 4122 §4.3 (RFC 9562) name-based UUID, version 5 (SHA-1): ids and uuids that are the same every time the same
/// thing is produced — card uuids (patient, rule, version, card, date), resources imported from DICOM — so outputs are
/// reproducible, feedback matches its card across runs, and importing twice does not duplicate. No randomness, no clock.
/// </summary>
public static class NameBasedUuid
{
    /// <summary>The TaceCds card namespace (a fixed random UUID; never change it, or every card id changes).</summary>
    public static readonly Guid CardNamespace = new("8b0e3f4c-6d5a-4b2e-9c71-0f3a2d5e6b18");

    /// <summary>The namespace of resources imported from DICOM (names like <c>ImagingStudy|&lt;Study Instance UID&gt;</c>; never change it).</summary>
    public static readonly Guid DicomImportNamespace = new("3f0b8a1e-52c4-4b7e-9d63-6c1f2a9e0d57");

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[16 + nameBytes.Length];
        ns.CopyTo(data);
        nameBytes.CopyTo(data, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; this is an identifier, not a security use.
        SHA1.HashData(data, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
