using System.Text.Json.Nodes;
using TaceCds.Dicom.Fhir;
using TaceCds.Dicom.Import;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Tests.Support;
using TaceCds.Fhir.Model;

namespace TaceCds.Dicom.Tests.Import;

/// <summary>
/// Issue 18 point 6: the transaction Bundle creates each resource only when the server has none with its identifier
/// (conditional create, FHIR R4 http.html#ccreate), so importing the same SR twice leaves one copy of each — checked by
/// counting on a real FHIR server (tools/fhir-server, @medplum/fhir-router), each test on a fresh, empty one.
/// </summary>
public sealed class IdempotentImportTests
{
    // The fixture SR: 1 study (CT), 2 tracked lesions, 14 measurements (DicomImporterTests).
    private static DicomImportResult ImportFixture() =>
        DicomImporter.Import([GeneratedFixtures.Path("tace-measurements.dcm")], "p1", ConceptMap.Default);

    private static (int Studies, int Lesions, int Observations) Count(LoopbackFhirServer server) =>
        (server.All("ImagingStudy").Count, server.All("BodyStructure").Count, server.All("Observation").Count);

    [Fact]
    public void Every_entry_is_a_conditional_create_on_its_identifier()
    {
        var bundle = ImportFixture().Bundle;
        var study = bundle.Entry.Single(e => e.Resource is ImagingStudy);
        Assert.Equal("identifier=urn%3Adicom%3Auid|urn%3Aoid%3A2.25.171717171717171717171717171717171700", study.Request!.IfNoneExist);
        foreach (var entry in bundle.Entry.Where(e => e.Resource is Observation))
        {
            var identifier = ((Observation)entry.Resource!).Identifier[0];
            Assert.Equal(ImagingReportFhirMapper.ContentItemIdentifierSystem, identifier.System);
            // The content item's value is "<SOP Instance UID>#<item>": '#' must be escaped in a query.
            Assert.Equal("identifier=https%3A%2F%2Ftacecds.org%2Ffhir%2Fsid%2Fdicom-sr-content-item|" + Uri.EscapeDataString(identifier.Value!), entry.Request!.IfNoneExist);
            Assert.Contains("%23", entry.Request.IfNoneExist, StringComparison.Ordinal);
        }
        Assert.All(bundle.Entry.Where(e => e.Resource is BodyStructure), e => Assert.StartsWith("identifier=", e.Request!.IfNoneExist, StringComparison.Ordinal));
        Assert.Equal(bundle.Entry.Count, bundle.Entry.Select(e => e.Request!.IfNoneExist).Distinct().Count());
    }

    [Fact]
    public void Given_the_same_SR_imported_twice_then_the_server_holds_one_copy_of_each_resource_and_the_second_summary_says_already_present()
    {
        using var server = new LoopbackFhirServer();
        var sender = new FhirTransactionSender(timeout: TimeSpan.FromSeconds(30));

        var first = ImportFixture();
        var created = sender.Send(server.BaseUrl, first.Bundle);
        Assert.True(created.Success, created.Message);
        Assert.Equal(17, created.Entries.Count);
        Assert.All(created.Entries, e => Assert.True(e.Created, $"status {e.Status}"));
        Assert.Equal((1, 2, 14), Count(server));

        var second = ImportFixture();
        var again = sender.Send(server.BaseUrl, second.Bundle);
        Assert.True(again.Success, again.Message);
        Assert.All(again.Entries, e => Assert.True(e.AlreadyPresent, $"status {e.Status}"));
        Assert.Equal((1, 2, 14), Count(server));
        // The second answer points at the resources the first one made.
        Assert.Equal(created.Entries.Select(e => Stem(e.Location)), again.Entries.Select(e => Stem(e.Location)));

        var summary = ImportSummary.FormatServerAnswer(second, again);
        Assert.Contains("created: 0", summary, StringComparison.Ordinal);
        Assert.Contains("already present, nothing created: 17 (BodyStructure ×2, ImagingStudy ×1, Observation ×14)", summary, StringComparison.Ordinal);
        Assert.Contains("created: 17 (BodyStructure ×2, ImagingStudy ×1, Observation ×14)", ImportSummary.FormatServerAnswer(first, created), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_study_and_lesions_already_on_the_server_when_new_measurements_come_then_their_references_point_at_the_existing_resources()
    {
        using var server = new LoopbackFhirServer();
        var sender = new FhirTransactionSender(timeout: TimeSpan.FromSeconds(30));
        var full = ImportFixture().Bundle;
        // First: the study, the lesions and only 4 of the 14 measurements.
        var observations = full.Entry.Where(e => e.Resource is Observation).ToList();
        var partial = new Bundle { Type = "transaction", Entry = [.. full.Entry.Where(e => e.Resource is not Observation), .. observations.Take(4)] };
        Assert.True(sender.Send(server.BaseUrl, partial).Success);
        Assert.Equal((1, 2, 4), Count(server));

        var outcome = sender.Send(server.BaseUrl, ImportFixture().Bundle);
        Assert.True(outcome.Success, outcome.Message);
        Assert.Equal(10, outcome.Entries.Count(e => e.Created));
        Assert.Equal(7, outcome.Entries.Count(e => e.AlreadyPresent));
        Assert.Equal((1, 2, 14), Count(server));

        // Every urn:uuid reference was rewritten to the id the entry resolved to, created earlier or now.
        var studyId = (string)server.All("ImagingStudy").Single()["id"]!;
        var lesionIds = server.All("BodyStructure").Select(b => "BodyStructure/" + (string)b["id"]!).ToHashSet();
        foreach (var observation in server.All("Observation"))
        {
            Assert.Equal("ImagingStudy/" + studyId, (string)observation["derivedFrom"]![0]!["reference"]!);
            foreach (var focus in observation["focus"] as JsonArray ?? [])
                Assert.Contains((string)focus!["reference"]!, lesionIds);
        }
        Assert.Contains(server.All("Observation"), o => o["focus"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public void Given_two_studies_with_the_same_UID_already_on_the_server_then_the_transaction_fails_412_and_writes_nothing()
    {
        using var server = new LoopbackFhirServer();
        var sender = new FhirTransactionSender(timeout: TimeSpan.FromSeconds(30));
        var full = ImportFixture().Bundle;
        var study = full.Entry.Single(e => e.Resource is ImagingStudy);
        // Two unconditional creates of the same study: the server now holds two resources with that identifier.
        var twice = new Bundle
        {
            Type = "transaction",
            Entry = [.. Enumerable.Range(1, 2).Select(i => new BundleEntry
            {
                FullUrl = $"urn:uuid:00000000-0000-4000-8000-00000000000{i}", Resource = study.Resource,
                Request = new BundleEntryRequest { Method = "POST", Url = "ImagingStudy" },
            })],
        };
        Assert.True(sender.Send(server.BaseUrl, twice).Success);
        Assert.Equal((2, 0, 0), Count(server));

        // FHIR R4 http.html#ccreate: several matches fail the conditional create, and a transaction is all or nothing.
        var outcome = sender.Send(server.BaseUrl, ImportFixture().Bundle);
        Assert.False(outcome.Success);
        Assert.Equal(412, outcome.StatusCode);
        Assert.Equal((2, 0, 0), Count(server));
    }

    // "Observation/<id>/_history/<v>" → "Observation/<id>": the version is not the point here.
    private static string? Stem(string? location) => location is null ? null : string.Join('/', location.Split('/').Take(2));
}
