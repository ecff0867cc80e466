using TaceCds.Fhir.Data;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Ndjson;

namespace TaceCds.Fhir.Tests.Ndjson;

/// <summary>A small Bulk Data export: one file per resource type, three patients, written to a temp folder.</summary>
public sealed class PartitionerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string[] _files;

    public PartitionerTests()
    {
        _files =
        [
            _folder.Write("Patient.ndjson", string.Join("\n",
                """{"resourceType":"Patient","id":"p1","gender":"male"}""",
                """{"resourceType":"Patient","id":"p2","gender":"female"}""",
                "") + "\n"),
            _folder.Write("Observation.ndjson", string.Join("\n",
                """{"resourceType":"Observation","id":"o1","status":"final","subject":{"reference":"Patient/p1"}}""",
                """{"resourceType":"Observation","id":"o2","status":"final","subject":{"reference":"http://example.org/fhir/Patient/p2/_history/3"}}""",
                """{"resourceType":"Observation","id":"o3","status":"final","subject":{"reference":"Group/g1"}}""",
                """{"resourceType":"Observation","id":"o4","status":7,"subject":{"reference":"Patient/p1"}}""",
                """{"resourceType":"Observation","id":"o5","subject":{"reference":"Patient/p3"}}""",
                """{"resourceType":"Observation",""",
                """{"resourceType":"Observation","id":"o6","status":"final","subject":{"reference":"Patient/p1"}}""")),
            _folder.Write("BodyStructure.ndjson",
                """{"resourceType":"BodyStructure","id":"l1","patient":{"reference":"Patient/p2"}}""" + "\r\n"),
            _folder.Write("Procedure.ndjson",
                """{"resourceType":"Procedure","id":"t1","status":"completed","subject":{"reference":"Patient/p1"},"performedDateTime":"2024-01-01"}""" + "\n"),
        ];
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Pass_one_indexes_patients_and_reports_what_belongs_to_none()
    {
        var index = new NdjsonPatientPartitioner(_files).BuildIndex();
        Assert.Equal(["p1", "p2", "p3"], index.PatientIds);
        // o4 is indexed for p1: pass 1 only reads enough to find the patient; its bad status is found in pass 2.
        Assert.Equal((5, 3, 1), (index.LineCount("p1"), index.LineCount("p2"), index.LineCount("p3")));
        Assert.Equal(11, index.ResourceLines);
        Assert.Equal(2, index.Issues.Count);
        Assert.Equal((DataIssueCodes.NoPatientReference, $"{_files[1]}:3"), (index.Issues[0].Code, index.Issues[0].Location));
        Assert.Contains("Observation/o3", index.Issues[0].Message);
        Assert.Equal(("JSON101", $"{_files[1]}:6"), (index.Issues[1].Code, index.Issues[1].Location));
    }

    [Fact]
    public void Pass_two_yields_one_complete_record_per_patient()
    {
        var records = new NdjsonPatientPartitioner(_files).ReadPatients().ToList();
        Assert.Equal(["p1", "p2", "p3"], records.Select(r => r.PatientId));

        var p1 = records[0];
        Assert.Equal("male", p1.Patient!.Gender);
        Assert.Equal(["Patient/p1", "Observation/o1", "Observation/o6", "Procedure/t1"], p1.Resources.Select(r => r.LocalReference));
        var issue = Assert.Single(p1.Issues);
        Assert.Equal(("JSON103", $"{_files[1]}:4"), (issue.Code, issue.Location));
        Assert.Contains("Observation.status", issue.Message);
        Assert.Equal($"{_files[0]};{_files[1]};{_files[3]}", p1.Source);

        var p2 = records[1];
        Assert.Equal(["Patient/p2", "Observation/o2", "BodyStructure/l1"], p2.Resources.Select(r => r.LocalReference));
        Assert.Empty(p2.Issues);

        Assert.Null(records[2].Patient);
        Assert.Equal("o5", records[2].Resources.Single().Id);
    }

    [Fact]
    public void A_resource_whose_patient_is_not_in_the_export_is_an_orphan_reported_at_its_file_and_line()
    {
        // o5 (Observation.ndjson line 5) refers to Patient/p3; the export has no Patient p3.
        var partitioner = new NdjsonPatientPartitioner(_files);
        var p3 = partitioner.ReadPatient(partitioner.BuildIndex(), "p3")!;

        Assert.True(OrphanRecord.IsOrphan(p3));
        var issue = Assert.Single(OrphanRecord.Issues(p3));
        Assert.Equal((DataIssueCodes.OrphanResource, $"{_files[1]}:5"), (issue.Code, issue.Location));
        Assert.Contains("Observation/o5 refers to Patient/p3, which is not in the export", issue.Message);
        Assert.False(OrphanRecord.IsOrphan(partitioner.ReadPatient(partitioner.BuildIndex(), "p1")!));
    }

    [Fact]
    public void Unknown_patient_has_no_record()
    {
        var partitioner = new NdjsonPatientPartitioner(_files);
        Assert.Null(partitioner.ReadPatient(partitioner.BuildIndex(), "nobody"));
    }

    [Fact]
    public async Task NdjsonDataSource_serves_the_folder()
    {
        var source = new NdjsonDataSource([_folder.Path]);
        Assert.Equal(4, source.Files.Count);
        var ids = new List<string>();
        await foreach (var id in source.ListPatientIdsAsync(CancellationToken.None)) ids.Add(id);
        // Folder files are taken in name order: BodyStructure, Observation, Patient, Procedure.
        Assert.Equal(["p2", "p1", "p3"], ids);
        var record = (await source.GetPatientRecordAsync("p2", CancellationToken.None))!;
        Assert.Equal(["BodyStructure", "Observation", "Patient"], record.Resources.Select(r => r.ResourceType));
        Assert.IsType<Patient>(record.Patient);
        Assert.Null(await source.GetPatientRecordAsync("zz", CancellationToken.None));
        Assert.Equal(2, source.Index.Issues.Count);
    }

    [Fact]
    public void Duplicate_patient_lines_are_kept_and_reported()
    {
        var dup = _folder.Write("More.ndjson", """{"resourceType":"Patient","id":"p1","gender":"other"}""");
        var record = new NdjsonPatientPartitioner([.. _files, dup]).ReadPatients().First();
        Assert.Equal("male", record.Patient!.Gender);
        Assert.Equal(2, record.Resources.OfType<Patient>().Count());
        Assert.Contains(record.Issues, i => i.Code == DataIssueCodes.DuplicatePatient);
    }

    [Fact]
    public void Missing_file_is_refused_up_front()
    {
        Assert.Throws<FileNotFoundException>(() => new NdjsonPatientPartitioner([Path.Combine(_folder.Path, "none.ndjson")]));
        Assert.Throws<FileNotFoundException>(() => new NdjsonDataSource([Path.Combine(_folder.Path, "none")]));
    }
}
