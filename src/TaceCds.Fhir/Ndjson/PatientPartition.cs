using System.Globalization;
using System.Text;

namespace TaceCds.Fhir.Ndjson;

/// <summary>
/// Partition <see cref="Index"/> of <see cref="Count"/> (0-based, so a Kubernetes Indexed Job's
/// <c>JOB_COMPLETION_INDEX</c> is the index as it stands): the patients whose id hashes to it. The hash is 64-bit FNV-1a
/// of the id's UTF-8 bytes — fixed by its specification (http://www.isthe.com/chongo/tech/comp/fnv/), the same on every
/// machine, process and .NET version, unlike <c>string.GetHashCode</c> — so N independent processes over the same
/// export cover every patient exactly once.
/// </summary>
public sealed record PatientPartition(int Index, int Count)
{
    /// <summary>Every patient (one partition of one).</summary>
    public static PatientPartition All { get; } = new(0, 1);

    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>"K/N" with 0 ≤ K &lt; N; null with <paramref name="error"/> set otherwise.</summary>
    public static PatientPartition? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k < n)
            return new PatientPartition(k, n);
        error = $"--partition must be K/N with 0 <= K < N (K is 0-based, like JOB_COMPLETION_INDEX), got '{text}'";
        return null;
    }

    public bool Contains(string patientId) => Count == 1 || (int)(Hash(patientId) % (ulong)Count) == Index;

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="patientId"/>.</summary>
    public static ulong Hash(string patientId)
    {
        var hash = OffsetBasis;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(patientId) <= buffer.Length
            ? buffer[..Encoding.UTF8.GetBytes(patientId, buffer)]
            : Encoding.UTF8.GetBytes(patientId);
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash;
    }

    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";
}
