using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Tests.Facts;

/// <summary>
/// Issue 11 point 5: a resource id or fullUrl found twice. Identical copies count once (information); copies that
/// differ are a conflict naming both places, and no copy becomes a fact — what depends on them is insufficient data.
/// </summary>
public class DuplicateResourceTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    private static readonly Patient Patient = (Patient)FhirJsonParser.Recovering.Parse("""{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1958-09-03"}""");

    private static Resource Tace(string id, string date, string? versionId = null)
    {
        var meta = versionId is null ? "" : $$"""
            "meta":{"versionId":"{{versionId}}"},
            """;
        return FhirJsonParser.Recovering.Parse(
            $$$"""{"resourceType":"Procedure","id":"{{{id}}}",{{{meta}}}"status":"completed","code":{"coding":[{"system":"https://tacecds.org/fhir/CodeSystem/tacecds","code":"tace"}]},"subject":{"reference":"Patient/p1"},"performedDateTime":"{{{date}}}"}""");
    }

    private static Resource Afp(string id, decimal value, string date = "2024-07-20") => FhirJsonParser.Recovering.Parse(
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"1834-1"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{{date}}}","valueQuantity":{"value":{{{value}}},"unit":"ng/mL","system":"http://unitsofmeasure.org","code":"ng/mL"}}""");

    private static ClinicalFacts Extract(params (Resource Resource, string Location)[] entries) =>
        FactExtractor.Extract(Patient, [new RecordEntry(Patient, null, "Bundle.entry[0]"), .. entries.Select(e => new RecordEntry(e.Resource, null, e.Location))], AsOf);

    [Fact]
    public void Given_tace_2_of_2024_04_08_listed_twice_identically_when_extracted_then_3_sessions_and_an_information_issue_naming_both_entries()
    {
        var facts = Extract(
            (Tace("t1", "2024-02-12"), "Bundle.entry[1]"), (Tace("t2", "2024-04-08"), "Bundle.entry[2]"),
            (Tace("t3", "2024-06-03"), "Bundle.entry[3]"), (Tace("t2", "2024-04-08"), "Bundle.entry[4]"));

        Assert.Equal([new DateOnly(2024, 2, 12), new DateOnly(2024, 4, 8), new DateOnly(2024, 6, 3)], facts.TaceSessions.Select(t => t.Date));
        Assert.Empty(facts.Conflicting);
        var issue = Assert.Single(facts.DataIssues, i => i.Code == DataIssueCodes.DuplicateResource);
        Assert.Equal(("Procedure/t2", DataIssue.Information), (issue.Resource, issue.Severity));
        Assert.Contains("Bundle.entry[2]; Bundle.entry[4]", issue.Message);
        Assert.DoesNotContain(facts.DataIssues, i => i.Code == DataIssueCodes.DuplicateSession);
    }

    [Fact]
    public void Given_copies_that_differ_only_in_meta_when_extracted_then_they_are_one_resource()
    {
        var facts = Extract((Tace("t1", "2024-02-12", versionId: "1"), "prefetch.procedures.entry[0].resource"), (Tace("t1", "2024-02-12", versionId: "2"), "GET Procedure?patient=p1 page 2 entry[0]"));

        Assert.Single(facts.TaceSessions);
        Assert.Empty(facts.Conflicting);
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.DuplicateResource && i.Message.Contains("prefetch.procedures.entry[0].resource; GET Procedure?patient=p1 page 2 entry[0]"));
    }

    [Fact]
    public void Given_tace_2_on_2024_04_08_and_again_on_2024_04_15_when_extracted_then_neither_is_a_session_and_the_conflict_is_exposed()
    {
        var facts = Extract(
            (Tace("t1", "2024-02-12"), "Bundle.entry[1]"), (Tace("t2", "2024-04-08"), "Bundle.entry[2]"),
            (Tace("t3", "2024-06-03"), "Bundle.entry[3]"), (Tace("t2", "2024-04-15"), "Bundle.entry[4]"));

        // Neither date is trusted: the session count is not 3 (counted twice) nor resolved silently to one of the dates.
        Assert.Equal([new DateOnly(2024, 2, 12), new DateOnly(2024, 6, 3)], facts.TaceSessions.Select(t => t.Date));
        var conflict = Assert.Single(facts.Conflicting);
        Assert.Equal(("Procedure/t2", "Procedure"), (conflict.Reference, conflict.ResourceType));
        Assert.Equal(["Bundle.entry[2]", "Bundle.entry[4]"], conflict.Locations);
        Assert.Equal(["performedDateTime"], conflict.Differences);
        Assert.Equal([TherapyKind.Tace], conflict.Therapies);
        Assert.True(facts.HasConflicting(TherapyKind.Tace));
        var issue = Assert.Single(facts.DataIssues, i => i.Code == DataIssueCodes.ConflictingDuplicate);
        Assert.Equal(("Procedure/t2", DataIssue.Warning), (issue.Resource, issue.Severity));
        Assert.Contains("Bundle.entry[2]; Bundle.entry[4]", issue.Message);
        Assert.Contains("insufficient data", issue.Message);
        Assert.Equal(2, facts.Summary.Conflicting);
        Assert.Equal(5, facts.Summary.ResourcesRead); // the Patient and all four Procedure entries
    }

    [Fact]
    public void Given_AFP_obs_1_as_423_and_as_430_ng_mL_when_extracted_then_no_AFP_value_from_it_and_AFP_is_marked_conflicting()
    {
        var facts = Extract((Afp("afp-1", 423), "prefetch.observations.entry[3].resource"), (Afp("afp-1", 430), "GET Observation?patient=p1 page 1 entry[3]"));

        Assert.Empty(facts.Of(FactKind.Afp));
        Assert.True(facts.HasConflicting(FactKind.Afp));
        Assert.False(facts.HasConflicting(FactKind.Albumin));
        Assert.Equal(["valueQuantity"], facts.Conflicting.Single().Differences);
        Assert.Contains("(it records: AFP)", facts.DataIssues.Single(i => i.Code == DataIssueCodes.ConflictingDuplicate).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Given_a_trusted_AFP_of_2024_07_01_and_AFP_obs_1_of_2024_07_20_twice_with_423_and_430_then_the_AFP_as_of_2024_07_25_is_unknown_not_the_older_value()
    {
        var facts = Extract((Afp("afp-0", 300, "2024-07-01"), "Bundle.entry[1]"), (Afp("afp-1", 423), "Bundle.entry[2]"), (Afp("afp-1", 430), "Bundle.entry[3]"));

        Assert.Equal([new DateOnly(2024, 7, 20)], facts.Conflicting.Single().Dates);
        // The untrusted copies may be the latest value: a score "as of" a later day must not fall back to the older one.
        Assert.Null(new TaceCds.Clinical.Evaluation.ClinicalSnapshot(facts, new DateOnly(2024, 7, 25)).Latest(FactKind.Afp));
        // Before the conflicting day, the trusted value is the latest.
        Assert.Equal(300m, new TaceCds.Clinical.Evaluation.ClinicalSnapshot(facts, new DateOnly(2024, 7, 10)).Number(FactKind.Afp));
    }

    [Fact]
    public void Given_AFP_obs_1_of_2024_07_20_in_conflict_and_a_trusted_AFP_of_2024_08_01_then_the_later_trusted_value_is_used()
    {
        var facts = Extract((Afp("afp-1", 423), "Bundle.entry[1]"), (Afp("afp-1", 430), "Bundle.entry[2]"), (Afp("afp-2", 512, "2024-08-01"), "Bundle.entry[3]"));

        Assert.Equal(512m, new TaceCds.Clinical.Evaluation.ClinicalSnapshot(facts, new DateOnly(2024, 8, 5)).Number(FactKind.Afp));
    }

    [Fact]
    public void A_fullUrl_seen_twice_with_different_content_is_a_conflict_even_without_ids()
    {
        var a = FhirJsonParser.Recovering.Parse("""{"resourceType":"Procedure","status":"completed","code":{"coding":[{"system":"https://tacecds.org/fhir/CodeSystem/tacecds","code":"tace"}]},"subject":{"reference":"Patient/p1"},"performedDateTime":"2024-02-12"}""");
        var b = FhirJsonParser.Recovering.Parse("""{"resourceType":"Procedure","status":"completed","code":{"coding":[{"system":"https://tacecds.org/fhir/CodeSystem/tacecds","code":"tace"}]},"subject":{"reference":"Patient/p1"},"performedDateTime":"2024-02-13"}""");

        var facts = FactExtractor.Extract(Patient, [new RecordEntry(Patient), new RecordEntry(a, "urn:uuid:1", "Bundle.entry[1]"), new RecordEntry(b, "urn:uuid:1", "Bundle.entry[2]")], AsOf);

        Assert.Empty(facts.TaceSessions);
        Assert.Equal("urn:uuid:1", facts.Conflicting.Single().Reference);
    }

    [Fact]
    public void Two_copies_of_the_patient_that_disagree_on_birthDate_give_no_birthDate_but_the_agreed_gender()
    {
        var other = (Patient)FhirJsonParser.Recovering.Parse("""{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1985-09-03"}""");

        var facts = FactExtractor.Extract(Patient, [new RecordEntry(Patient, null, "prefetch.patient"), new RecordEntry(other, null, "GET Patient/p1 page 1")], AsOf);

        Assert.Null(facts.BirthDate);
        Assert.Equal("male", facts.Gender);
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.ConflictingDuplicate && i.Message.Contains("birthDate"));
    }

    [Fact]
    public void A_dropped_element_is_an_error_issue_with_its_code_and_location_and_the_resource_is_still_used()
    {
        var patient = (Patient)FhirJsonParser.Recovering.Parse(System.Text.Json.JsonElement.Parse("""{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1970-02-30"}"""), "prefetch.patient");

        var facts = FactExtractor.Extract(patient, [new RecordEntry(patient), new RecordEntry(Tace("t1", "2024-02-12"), null, "prefetch.procedures.entry[0].resource")], AsOf);

        Assert.Null(facts.BirthDate);
        Assert.Single(facts.TaceSessions);
        var issue = Assert.Single(facts.DataIssues);
        Assert.Equal(("JSON105", "Patient/p1", DataIssue.Error), (issue.Code, issue.Resource, issue.Severity));
        Assert.StartsWith("prefetch.patient: Patient.birthDate: '1970-02-30' is not a valid date", issue.Message);
    }
}
