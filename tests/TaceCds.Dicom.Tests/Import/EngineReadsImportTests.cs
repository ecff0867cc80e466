using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Dicom.Import;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Tests.Support;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Tests.Import;

/// <summary>
/// End to end: the Bundle import-dicom makes is read by the engine's fact extractor as the input contract
/// intends — every parameter recognised with its unit, tied to its lesion (intrahepatic) and its exam.
/// </summary>
public sealed class EngineReadsImportTests
{
    private static ClinicalFacts Facts(params string[] paths)
    {
        var bundle = DicomImporter.Import(paths, "p1", ConceptMap.Default).Bundle;
        var entries = bundle.Entry.Select(e => new RecordEntry(e.Resource!, e.FullUrl)).ToList();
        return FactExtractor.Extract(new Patient { Id = "p1" }, entries, new DateOnly(2026, 1, 1));
    }

    [Fact]
    public void EveryImportedParameterIsAFactOfItsLesionAndExam()
    {
        var facts = Facts(GeneratedFixtures.Path("tace-measurements.dcm"));
        Assert.True(facts.DataIssues.Count == 0, string.Join("\n", facts.DataIssues.Select(i => $"{i.Code} {i.Resource} {i.Message}")));
        var exam = Assert.Single(facts.Exams);
        Assert.Equal(new DateOnly(2024, 3, 15), exam.Date);
        Assert.All(facts.Lesions.Values, l => Assert.True(l.Intrahepatic));

        var expected = new Dictionary<FactKind, decimal>
        {
            [FactKind.CtpBvRoi] = 14.2m, [FactKind.CtpHap] = 38.5m, [FactKind.CtpPvp] = 12.10m, [FactKind.CtpHpi] = 76m,
            [FactKind.CtpTtp] = 21.5m, [FactKind.DectIcAp] = 2.31m, [FactKind.DectZeffAp] = 8.9m, [FactKind.ViableDiameter] = 23m,
            [FactKind.LesionDiameter] = 31m, [FactKind.IvimAdc] = 1.12m, [FactKind.IvimD] = 0.98m, [FactKind.IvimDStar] = 25.4m,
            [FactKind.IvimF] = 18m,
        };
        foreach (var (kind, value) in expected)
        {
            var fact = Assert.Single(facts.Of(kind));
            Assert.Equal(value, fact.Number);
            Assert.Equal(exam.Key, fact.Exam);
            Assert.NotNull(fact.Lesion);
            Assert.True(facts.Lesions.ContainsKey(fact.Lesion!), $"{kind}: lesion {fact.Lesion} unknown");
        }
    }

    [Fact]
    public void DoseReportGivesDlpCtdiAndEffectiveDoseFacts()
    {
        var facts = Facts(Path.Combine(ConformanceFiles.DoseDir, "CT-RDSR-Toshiba_DoseCheck.dcm"));
        Assert.Empty(facts.DataIssues);
        Assert.Contains(facts.Of(FactKind.CtDlp), f => f.Number == 502.40m);
        Assert.Equal(2, facts.Of(FactKind.CtCtdiVol).Count());
        Assert.Equal(502.40m * 0.015m, Assert.Single(facts.Of(FactKind.EffectiveDose)).Number);
    }
}
