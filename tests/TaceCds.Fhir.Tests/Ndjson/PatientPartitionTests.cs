using TaceCds.Fhir.Data;
using TaceCds.Fhir.Ndjson;

namespace TaceCds.Fhir.Tests.Ndjson;

public sealed class PatientPartitionTests
{
    // Test vectors of the FNV-1a 64-bit hash from its reference (http://www.isthe.com/chongo/tech/comp/fnv/, test_fnv.c).
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void The_hash_is_FNV_1a_64_of_the_UTF8_bytes(string id, ulong expected) =>
        Assert.Equal(expected, PatientPartition.Hash(id));

    [Fact]
    public void Three_partitions_cover_every_patient_exactly_once_and_none_is_empty()
    {
        var ids = Enumerable.Range(0, 3000).Select(i => $"pat-{i}").ToList();
        var partitions = Enumerable.Range(0, 3).Select(k => new PatientPartition(k, 3)).ToList();

        foreach (var id in ids) Assert.Single(partitions, p => p.Contains(id));
        // FNV-1a spreads sequential ids: each third holds roughly a third (±10 %).
        foreach (var p in partitions) Assert.InRange(ids.Count(p.Contains), 900, 1100);
    }

    [Theory]
    [InlineData("0/3", 0, 3)]
    [InlineData("2/3", 2, 3)]
    [InlineData("0/1", 0, 1)]
    public void K_over_N_is_read_with_a_0_based_K(string text, int k, int n) =>
        Assert.Equal(new PatientPartition(k, n), PatientPartition.TryParse(text, out _));

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/3")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void A_partition_outside_0_to_N_minus_1_is_refused_with_a_message(string text)
    {
        Assert.Null(PatientPartition.TryParse(text, out var error));
        Assert.Contains("0 <= K < N", error);
    }

    [Fact]
    public void A_partitioned_NDJSON_source_indexes_only_its_own_patients()
    {
        using var folder = new TempFolder();
        var ids = Enumerable.Range(0, 30).Select(i => $"x{i}").ToList();
        folder.Write("Patient.ndjson", string.Join("\n", ids.Select(id => $$$"""{"resourceType":"Patient","id":"{{{id}}}"}""")) + "\n");
        folder.Write("Observation.ndjson", string.Join("\n", ids.Select(id => $$$"""{"resourceType":"Observation","id":"o-{{{id}}}","status":"final","subject":{"reference":"Patient/{{{id}}}"}}""")) + "\n");

        var seen = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var source = new NdjsonDataSource([folder.Path], partition: new PatientPartition(k, 3));
            Assert.All(source.Index.PatientIds, id => Assert.True(new PatientPartition(k, 3).Contains(id)));
            Assert.All(source.Index.PatientIds, id => Assert.Equal(2, source.Index.LineCount(id)));
            seen.AddRange(source.Index.PatientIds);
        }

        Assert.Equal(ids.Order(), seen.Order());
    }
}
