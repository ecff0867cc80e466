using System.Security.Cryptography;
using System.Text;

namespace TaceCds.Dicom.Fhir;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) so that importing the same SR twice yields the same resource ids
/// and fullUrls: no randomness, no clock. The namespace is fixed for TaceCds DICOM imports.
/// </summary>
internal static class DeterministicUuid
{
    // Arbitrary fixed namespace for names like "ImagingStudy|<Study Instance UID>".
    private static readonly Guid s_namespace = new("3f0b8a1e-52c4-4b7e-9d63-6c1f2a9e0d57");

    public static Guid From(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        s_namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
