using BenchmarkDotNet.Attributes;
using TaceCds.Dicom.IO;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;

namespace TaceCds.Benchmarks;

/// <summary>
/// Reading a 25 kB DICOM SR (the Siemens Flash CT dose report from ../shared/conformance, 25 130 bytes) from
/// memory: Part 10 parse only, parse + SR content tree, and parse + tree + TID 10011 mapping. Target: under 1 ms.
/// </summary>
[MemoryDiagnoser]
public class DicomSrReadBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _bytes = File.ReadAllBytes(FindConformanceFile("dicom", "ct-dose-sr", "CT-RDSR-Siemens_Flash-TAP-SS.dcm"));
        _ = ConceptMap.Default;
    }

    [Benchmark(Baseline = true)]
    public int ReadDataset()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return DicomFileReader.Read(stream).Dataset.Elements.Count;
    }

    [Benchmark]
    public int ReadSrTree()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        return SrTreeReader.Read(DicomFileReader.Read(stream)).Root.Children.Count;
    }

    [Benchmark]
    public int ReadTreeAndMap()
    {
        using var stream = new MemoryStream(_bytes, writable: false);
        var doc = SrTreeReader.Read(DicomFileReader.Read(stream));
        return ImagingReportExtractor.Extract(doc, ConceptMap.Default).Measurements.Count;
    }

    private static string FindConformanceFile(params string[] parts)
    {
        var shared = Environment.GetEnvironmentVariable("TACECDS_SHARED");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); shared is null && dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TaceCds.sln")))
                shared = Path.Combine(dir.FullName, "..", "shared");
        }
        return Path.Combine([shared ?? throw new InvalidOperationException("set TACECDS_SHARED"), "conformance", .. parts]);
    }
}
