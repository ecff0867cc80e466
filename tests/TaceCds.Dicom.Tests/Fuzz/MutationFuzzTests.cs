using System.Buffers.Binary;
using System.Diagnostics;
using TaceCds.Dicom.Fhir;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Dicom.Tests.Support;
using Xunit.Abstractions;

namespace TaceCds.Dicom.Tests.Fuzz;

/// <summary>
/// Thousands of corrupted variants of real and generated files (bit flips, truncations, length fields
/// overwritten with hostile values), fixed seed. Every variant must either read or fail with
/// DicomFormatException — through the reader, the value decoders, the SR tree, the mapping and the FHIR
/// conversion — and none may
/// hang or allocate more than a bound proportional to its size.
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20240315;
    private const int VariantsPerFile = 300;
    private static readonly uint[] HostileLengths = [0xFFFFFFFF, 0xFFFFFFFE, 0x7FFFFFFF, 0x80000000, 0, 1, 3, 0xFFFF, 0x10000];

    [Fact]
    public void CorruptedFilesOnlyEverFailWithDicomFormatException()
    {
        var seeds = ConformanceFiles.Tid1500Reports.Concat(ConformanceFiles.DoseReports)
            .Concat(GeneratedFixtures.MeasurementReports.Select(GeneratedFixtures.Path))
            .Concat(new[] { "values-implicit-undefined.dcm", "values-latin1.dcm" }.Select(GeneratedFixtures.Path))
            // Encapsulated pixel data, UN sequences, private nested sequences, a DICOMDIR, a file without group length.
            .Concat(new[] { "SC_rgb_rle.dcm", "UN_sequence.dcm", "nested_priv_SQ.dcm", "dicomdirtests/DICOMDIR", "no_meta_group_length.dcm" }
                .Select(f => Path.Combine(ConformanceFiles.PydicomDataDir, "test_files", f)))
            .ToList();
        var random = new Random(Seed);
        var total = Stopwatch.StartNew();
        int read = 0, refused = 0;
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        RunAll(new byte[16], out _); // warm up lazy dictionary and JIT outside the allocation bound
        foreach (var path in seeds)
        {
            var original = File.ReadAllBytes(path);
            var lengthFields = LengthFieldOffsets(original);
            for (var v = 0; v < VariantsPerFile; v++)
            {
                var mutated = Mutate(original, lengthFields, random);
                var watch = Stopwatch.StartNew();
                var before = GC.GetAllocatedBytesForCurrentThread();
                var ok = RunAll(mutated, out var code);
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(watch.ElapsedMilliseconds < 2_000, $"{Path.GetFileName(path)} variant {v}: took {watch.ElapsedMilliseconds} ms");
                Assert.True(allocated < 2_000_000 + 64L * mutated.Length, $"{Path.GetFileName(path)} variant {v}: allocated {allocated} bytes");
                if (ok)
                {
                    read++;
                }
                else
                {
                    refused++;
                    codes[code!] = codes.GetValueOrDefault(code!) + 1;
                }
            }
        }
        output.WriteLine($"{read + refused} variants in {total.ElapsedMilliseconds} ms: {read} read, {refused} refused: " +
            string.Join(", ", codes.Select(c => $"{c.Key}×{c.Value}")));
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(20), $"fuzzing took {total.Elapsed}");
        Assert.True(refused > 0 && read > 0, "mutations should produce both readable and refused variants");
        Assert.True(codes.Count >= 4, "expected several distinct error codes: " + string.Join(",", codes.Keys));
    }

    /// <summary>Reads, decodes every value, builds the SR tree and maps it. False with the code when refused.</summary>
    private static bool RunAll(byte[] bytes, out string? code)
    {
        code = null;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var file = DicomFileReader.Read(stream);
            DecodeAll(file.Dataset);
            var doc = SrTreeReader.Read(file);
            var report = ImagingReportExtractor.Extract(doc, ConceptMap.Default);
            var mapper = new ImagingReportFhirMapper("p", ConceptMap.Default);
            mapper.Add(report);
            mapper.ToTransactionBundle();
            return true;
        }
        catch (DicomFormatException e)
        {
            code = e.Code;
            return false;
        }
    }

    private static void DecodeAll(DicomDataset ds)
    {
        foreach (var e in ds.Elements)
        {
            DicomValues.GetStrings(e);
            DicomValues.GetNumbers(e);
            if (e.VR == DicomVR.AT)
                DicomValues.GetTags(e);
            foreach (var item in e.Items)
                DecodeAll(item);
        }
    }

    private static byte[] Mutate(byte[] original, List<int> lengthFields, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0: // bit flips
                for (var i = random.Next(1, 9); i > 0; i--)
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1: // truncation
                return bytes[..random.Next(bytes.Length)];
            case 2: // a real length field overwritten with a hostile value
                if (lengthFields.Count == 0)
                    goto case 0;
                var at = lengthFields[random.Next(lengthFields.Count)];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), HostileLengths[random.Next(HostileLengths.Length)]);
                return bytes;
            default: // random 4 bytes overwritten anywhere (may hit tags, VRs, short lengths)
                var pos = random.Next(Math.Max(1, bytes.Length - 4));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(pos), (uint)random.Next());
                return bytes;
        }
    }

    /// <summary>Offsets of 4-byte length fields of long-form elements and items in the original file.</summary>
    private static List<int> LengthFieldOffsets(byte[] original)
    {
        var offsets = new List<int>();
        using var stream = new MemoryStream(original);
        var file = DicomFileReader.Read(stream);
        var explicitVR = file.TransferSyntax.ExplicitVR;
        Collect(file.Dataset);
        return offsets;

        void Collect(DicomDataset ds)
        {
            if (ds.Offset + 8 <= original.Length && BinaryPrimitives.ReadUInt32LittleEndian(original.AsSpan((int)ds.Offset)) == 0xE000FFFE)
                offsets.Add((int)ds.Offset + 4);
            foreach (var e in ds.Elements)
            {
                if (!explicitVR)
                    offsets.Add((int)e.Offset + 4);
                else if (DicomVRInfo.HasLongLength(e.VR))
                    offsets.Add((int)e.Offset + 8);
                foreach (var item in e.Items)
                    Collect(item);
            }
        }
    }
}
