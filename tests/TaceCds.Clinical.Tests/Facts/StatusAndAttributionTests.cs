using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Tests.Facts;

/// <summary>The status rules of the input-data contract, and attribution to the patient.</summary>
public class StatusAndAttributionTests
{
    [Theory]
    [InlineData("final", true, false)]
    [InlineData("amended", true, false)]
    [InlineData("corrected", true, false)]
    [InlineData("preliminary", true, true)]
    [InlineData("registered", false, false)]
    [InlineData("cancelled", false, false)]
    [InlineData("entered-in-error", false, false)]
    [InlineData("unknown", false, false)]
    public void Observation_status_decides_use(string status, bool used, bool flagged)
    {
        var facts = RecordBuilder.For().Lab("1751-7", "2024-01-01", 40, "g/L", status: status).Facts("2024-06-01");

        Assert.Equal(used, facts.Of(FactKind.Albumin).Any());
        if (used) Assert.Equal(flagged, facts.Of(FactKind.Albumin).Single().Preliminary);
        Assert.Equal(flagged, facts.DataIssues.Any(i => i.Code == DataIssueCodes.PreliminaryUsed));
        Assert.Equal(used ? 0 : 1, facts.Summary.IgnoredByStatus.GetValueOrDefault($"Observation:{status}"));
    }

    [Fact]
    public void Observation_without_status_is_ignored_and_reported()
    {
        var b = RecordBuilder.For();
        var obs = b.Measurement("tumor-count", "2024-01-01", new FhirInteger(2), null, null);
        var facts = b.Add(new Observation { Id = "nostatus", Code = obs.Code, Subject = obs.Subject, Effective = obs.Effective, Value = obs.Value })
            .Facts("2024-06-01");

        Assert.Empty(facts.Of(FactKind.TumorCount));
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.MissingStatus && i.Resource == "Observation/nostatus");
    }

    [Theory]
    [InlineData("completed", 1, 0)]
    [InlineData("entered-in-error", 0, 0)]
    [InlineData("not-done", 0, 0)]
    [InlineData("in-progress", 0, 1)]
    [InlineData("preparation", 0, 1)]
    [InlineData("stopped", 0, 1)]
    public void Procedure_status_decides_whether_it_is_a_session(string status, int sessions, int issues)
    {
        var facts = RecordBuilder.For().Tace("2024-01-10", status: status).Facts("2024-06-01");

        Assert.Equal(sessions, facts.TaceSessions.Count);
        Assert.Equal(issues, facts.DataIssues.Count(i => i.Code == DataIssueCodes.ProcedureNotCompleted));
        Assert.Equal(sessions == 1 ? 0 : 1, facts.Summary.IgnoredByStatus.GetValueOrDefault($"Procedure:{status}"));
    }

    [Fact]
    public void Resources_of_other_patients_are_ignored_and_counted()
    {
        var b = RecordBuilder.For("p1");
        var other = RecordBuilder.For("p2").Lab("1751-7", "2024-01-01", 40, "g/L").Tace("2024-01-10");
        foreach (var r in other.Resources) b.Add(r);
        // Its own id: a second Observation/lab1 with other content would be a conflicting duplicate (DuplicateResourceTests).
        var facts = b.Lab("1751-7", "2024-01-02", 38, "g/L", id: "lab-p1").Facts("2024-06-01");

        Assert.Equal(38m, Assert.Single(facts.Of(FactKind.Albumin)).Number);
        Assert.Empty(facts.TaceSessions);
        Assert.Equal(3, facts.Summary.OtherPatients); // the other Patient, its lab and its TACE
    }

    [Fact]
    public void References_by_absolute_url_and_urn_uuid_reach_the_patient()
    {
        var patient = new Patient { Id = "p1" };
        var byUrl = new Observation
        {
            Id = "o1", Status = "final", Code = RecordBuilder.Code("http://loinc.org", "1751-7"),
            Subject = new Reference { ReferenceValue = "https://ehr.example.org/fhir/Patient/p1" },
            Effective = new FhirDateTimeValue(FhirDateTime.Parse("2024-01-01")), Value = new Quantity { Value = 40, Code = "g/L", System = "http://unitsofmeasure.org" },
        };
        var byUuid = new Observation
        {
            Id = "o2", Status = "final", Code = byUrl.Code, Subject = new Reference { ReferenceValue = "urn:uuid:7f0c6f8e-3b8a-4c55-9d7a-1a2b3c4d5e6f" },
            Effective = new FhirDateTimeValue(FhirDateTime.Parse("2024-01-02")), Value = new Quantity { Value = 41, Code = "g/L", System = "http://unitsofmeasure.org" },
        };
        var facts = FactExtractor.Extract(patient,
            [new RecordEntry(patient, "urn:uuid:7f0c6f8e-3b8a-4c55-9d7a-1a2b3c4d5e6f"), new RecordEntry(byUrl), new RecordEntry(byUuid)],
            new DateOnly(2024, 6, 1));

        Assert.Equal([40m, 41m], facts.Of(FactKind.Albumin).Select(o => o.Number!.Value));
    }

    [Fact]
    public void Facts_after_asOf_are_not_known_yet()
    {
        var facts = RecordBuilder.For().Lab("1751-7", "2024-01-01", 40, "g/L").Lab("1751-7", "2024-07-01", 30, "g/L").Facts("2024-06-01");

        Assert.Equal(40m, Assert.Single(facts.Of(FactKind.Albumin)).Number);
        Assert.Equal(1, facts.Summary.AfterAsOf);
    }

    [Fact]
    public void Two_TACE_procedures_on_one_day_are_one_session()
    {
        var b = RecordBuilder.For().Tace("2024-01-10");
        b.Add(new Procedure
        {
            Id = "snomed-tace", Status = "completed", Code = RecordBuilder.Code("http://snomed.info/sct", "441525007"),
            Subject = new Reference { ReferenceValue = b.PatientRef }, Performed = new FhirDateTimeValue(FhirDateTime.Parse("2024-01-10T09:30:00+08:00")),
        });
        var facts = b.Facts("2024-06-01");

        var session = Assert.Single(facts.TaceSessions);
        Assert.Single(session.MergedSources);
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.DuplicateSession);
    }

    [Fact]
    public void Censored_values_are_not_read_as_exact()
    {
        var b = RecordBuilder.For();
        b.Add(new Observation
        {
            Id = "afp", Status = "final", Code = RecordBuilder.Code("http://loinc.org", "1834-1"), Subject = new Reference { ReferenceValue = b.PatientRef },
            Effective = new FhirDateTimeValue(FhirDateTime.Parse("2024-01-01")),
            Value = new Quantity { Value = 2, Comparator = "<", Code = "ng/mL", System = "http://unitsofmeasure.org" },
        });
        var facts = b.Facts("2024-06-01");

        Assert.Empty(facts.Of(FactKind.Afp));
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.CensoredValue && i.Resource == "Observation/afp");
    }

    [Fact]
    public void Lesion_location_decides_intrahepatic()
    {
        var facts = RecordBuilder.For().Lesion("liver").Lesion("lung", intrahepatic: false)
            .Add(new BodyStructure { Id = "nowhere", Patient = new Reference { ReferenceValue = "Patient/p1" } })
            .Facts("2024-06-01");

        Assert.True(facts.Lesions["BodyStructure/liver"].Intrahepatic);
        Assert.False(facts.Lesions["BodyStructure/lung"].Intrahepatic);
        Assert.Null(facts.Lesions["BodyStructure/nowhere"].Intrahepatic);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(-1, false)]
    [InlineData(6, false)]
    public void Ecog_outside_its_scale_is_invalid(int value, bool accepted)
    {
        var facts = RecordBuilder.For().Integer("http://loinc.org", "89247-1", "2024-01-01", value).Facts("2024-06-01");

        Assert.Equal(accepted, facts.Of(FactKind.Ecog).Any());
        Assert.Equal(!accepted, facts.DataIssues.Any(i => i.Code == DataIssueCodes.InvalidValue));
    }
}
