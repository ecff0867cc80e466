using System.Text;
using System.Text.Json;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Testing;

namespace TaceCds.Dicom.Tests.Mapping;

public sealed class ConceptMapTests
{
    private static readonly string ShippedMap = RepoPaths.InRepo("src", "TaceCds.Dicom", "Mapping", "concept-map.json");

    [Fact]
    public void EveryShippedEntryCitesItsSourceAndTargetsOneOfOurCodes()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ShippedMap));
        var ours = doc.RootElement.GetProperty("localCodes").EnumerateArray().Select(c => c.GetString()).ToHashSet();
        var entries = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.True(entries.Count >= 10);
        foreach (var e in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("source").GetString()), e.ToString());
            Assert.Contains(e.GetProperty("target").GetString(), ours);
        }
        // The imaging parameter table of the input-data contract: every code there is one of ours.
        foreach (var code in new[] { "ctp-bv-roi", "ctp-bv-embolized", "ctp-hap", "ctp-pvp", "ctp-hpi", "ctp-ttp", "pct-ps", "ct-dlp",
                     "ct-ctdivol", "dect-ic-ap", "dect-ic-aorta-ap", "dect-nic-ap", "dect-ct40-ap", "dect-ct90-ap", "dect-lambda-hu-ap",
                     "dect-zeff-ap", "ivim-adc", "ivim-d", "ivim-dstar", "ivim-f", "effective-dose" })
            Assert.Contains(code, ours);
    }

    [Fact]
    public void LookupUsesSchemeAndCodeAndTheLocalScheme()
    {
        var map = ConceptMap.Default;
        Assert.Equal("ctp-ttp", map.Lookup(new SrCode("113069", "DCM", "Time To Peak")));
        Assert.Null(map.Lookup(new SrCode("113069", "SCT", "not the DICOM code")));
        Assert.Equal("pct-ps", map.Lookup(new SrCode("pct-ps", "99TACECDS", "PS")));
        Assert.Null(map.Lookup(new SrCode("not-ours", "99TACECDS", "?")));
        Assert.Null(map.Lookup(null));
    }

    [Fact]
    public void AnOverrideFileReplacesTheShippedMap()
    {
        const string json = """{ "entries": [ { "scheme": "LN", "code": "12345-6", "target": "ctp-hap", "source": "test" } ] }""";
        var map = ConceptMap.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "override.json");
        Assert.Equal("ctp-hap", map.Lookup(new SrCode("12345-6", "LN", "x")));
        Assert.Null(map.Lookup(new SrCode("113069", "DCM", "Time To Peak")));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{ "entries": [ { "scheme": "DCM", "code": "1" } ] }""", "has no 'target'")]
    [InlineData("""{ "entries": [ { "scheme": "DCM", "code": "1", "target": "a" }, { "scheme": "DCM", "code": "1", "target": "b" } ] }""", "repeats DCM 1")]
    [InlineData("{}", "'entries' array missing")]
    public void BadOverrideFilesAreReported(string json, string expected)
    {
        var ex = Assert.Throws<ConceptMapException>(() => ConceptMap.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json"));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
