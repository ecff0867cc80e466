using Hl7.Fhir.Model;
using TaceCds.Publishing.Results;

namespace TaceCds.Publishing.Tests.Results;

/// <summary>
/// Issue 16 point 4 on the bundled samples (as of 2025-06-01, samples/README.md): the FHIR Bundle says what the
/// EvaluationResult says — definitions met as DetectedIssues with their sources, insufficient data as data-required with
/// what is missing, scores as Observations derived from their inputs, model outputs as RiskAssessments.
/// </summary>
public class ResultBundleTests
{
    [Fact]
    public void Given_p02_cci_sum_100_mm_is_125_percent_of_baseline_80_mm_after_3_sessions_then_a_cci_detected_issue_implicates_the_sessions_and_exams()
    {
        var bundle = BundleReader.For("p02");
        var issue = bundle.All<DetectedIssue>().Single(i => i.Code.Code() == "cci-2022");
        Assert.Equal("https://tacecds.org/fhir/CodeSystem/tacecds-results", issue.Code.Coding[0].System);
        Assert.Equal(ObservationStatus.Final, issue.Status);
        Assert.Equal("Patient/p02", issue.Patient.Reference);
        var implicated = issue.Implicated.Select(r => r.Reference).ToList();
        Assert.Contains("Procedure/p02-tace-1", implicated);
        Assert.Contains("Procedure/p02-tace-3", implicated);
        Assert.Contains("ImagingStudy/p02-img-20240205", implicated);
        Assert.Contains("Observation/p02-img-20240722-a-viable-diameter", implicated);
        Assert.Contains("CCI target-set viable sum 100 mm = 125 % of the baseline 80 mm", issue.Detail);
        Assert.Equal(5, issue.Evidence.Count); // the five criteria, all met

        var guidance = bundle.Guidance("cci-2022");
        Assert.Equal("https://tacecds.org/fhir/PlanDefinition/cci-2022|2.0.0", ((Canonical)guidance.Module).Value);
        Assert.Equal(GuidanceResponse.GuidanceResponseStatus.Success, guidance.Status);
        Assert.Equal("2025-06-01", guidance.OccurrenceDateTime);
        var parameters = bundle.Resolve<Parameters>(guidance.OutputParameters);
        Assert.Equal("urn:uuid:" + issue.Id, ((ResourceReference)parameters.GetSingle("detectedIssue").Value).Reference);
        Assert.Equal("met", ((Code)parameters.GetSingle("status").Value).Value);
        Assert.Equal(125.0m, ((FhirDecimal)parameters.GetSingle("percentOfBaseline").Value).Value);
    }

    [Fact]
    public void Given_p02_the_stop_tace_decision_met_by_its_critical_cci_criterion_then_its_detected_issue_is_high_severity()
    {
        var issue = BundleReader.For("p02").All<DetectedIssue>().Single(i => i.Code.Code() == "stop-tace");
        Assert.Equal(DetectedIssue.DetectedIssueSeverity.High, issue.Severity);
    }

    [Fact]
    public void Given_p02_child_pugh_5_before_the_first_tace_on_2024_02_12_then_an_observation_derived_from_the_five_inputs()
    {
        var bundle = BundleReader.For("p02");
        var observation = bundle.All<Observation>().Single(o => o.Code.Code() == "child-pugh-score" && o.Note.Any(n => n.Text.Contains("before the 1st TACE on 2024-02-12")));
        var value = (Quantity)observation.Value;
        Assert.Equal((5m, "http://unitsofmeasure.org", "{score}"), (value.Value!.Value, value.System, value.Code));
        Assert.Equal("A", ((CodeableConcept)observation.Component.Single(c => c.Code.Code() == "child-pugh-class").Value).Text);
        Assert.Equal("2024-02-11", ((FhirDateTime)observation.Effective).Value);
        Assert.Equal(
            ["Observation/p02-lab-20240211-bilirubin", "Observation/p02-lab-20240211-albumin", "Observation/p02-lab-20240211-inr", "Observation/p02-ascites-20240211", "Observation/p02-he-20240211"],
            observation.DerivedFrom.Select(r => r.Reference));
    }

    [Fact]
    public void Given_p06_without_an_mrecist_assessment_between_the_1st_and_2nd_tace_then_art_is_data_required_with_what_is_missing()
    {
        var bundle = BundleReader.For("p06");
        var guidance = bundle.Guidance("art");
        Assert.Equal(GuidanceResponse.GuidanceResponseStatus.DataRequired, guidance.Status);
        Assert.Contains(guidance.Note, n => n.Text == "Missing: ART inputs: an mRECIST assessment between the 1st and 2nd TACE");
        Assert.DoesNotContain(bundle.All<DetectedIssue>(), i => i.Code.Code() == "art");
        Assert.Equal("insufficient-data", ((Code)bundle.Resolve<Parameters>(guidance.OutputParameters).GetSingle("status").Value).Value);
    }

    [Fact]
    public void Given_p11_dect_nomogram_logistic_model_then_each_lesion_gets_its_probability_of_non_response()
    {
        var bundle = BundleReader.For("p11");
        var risks = bundle.All<RiskAssessment>().Where(r => r.Method.Code() == "dect-nomogram-2025").ToList();
        Assert.Equal(2, risks.Count);
        var a = risks.Single(r => r.Basis.Any(b => b.Reference == "BodyStructure/p11-lesion-a"));
        var b = risks.Single(r => r.Basis.Any(x => x.Reference == "BodyStructure/p11-lesion-b"));
        Assert.Equal(0.1053m, ((FhirDecimal)a.Prediction.Single().Probability).Value);
        Assert.Equal(0.9992m, ((FhirDecimal)b.Prediction.Single().Probability).Value);
        var parameters = bundle.Resolve<Parameters>(bundle.Guidance("dect-nomogram-2025").OutputParameters);
        Assert.Equal(["urn:uuid:" + a.Id, "urn:uuid:" + b.Id], parameters.Parameter.Where(p => p.Name == "riskAssessment").Select(p => ((ResourceReference)p.Value).Reference));
    }

    [Fact]
    public void Given_p12_ivim_relative_odds_2431_6_without_a_published_intercept_then_a_qualitative_prediction_and_no_probability()
    {
        var risk = BundleReader.For("p12").All<RiskAssessment>().Single(r => r.Method.Code() == "ivim-resistance-2026");
        var prediction = risk.Prediction.Single();
        Assert.Null(prediction.Probability);
        Assert.StartsWith("relative odds 2431.648 vs the reference patient", prediction.QualitativeRisk.Text);
        Assert.Contains("CNLC IIIa", prediction.Rationale);
    }

    [Fact]
    public void Given_p12_ctp_pattern_residual_likely_then_a_qualitative_prediction_of_that_class()
    {
        var risk = BundleReader.For("p12").All<RiskAssessment>().Single(r => r.Method.Code() == "ctp-residual-2025");
        Assert.Equal("residual-likely", risk.Prediction.Single().QualitativeRisk.Text);
        Assert.Null(risk.Prediction.Single().Probability);
    }

    [Fact]
    public void Given_p14_art_8_points_before_the_2nd_tace_then_an_art_observation_and_the_warning_card_as_an_urgent_request_group_action()
    {
        var bundle = BundleReader.For("p14");
        var art = bundle.All<Observation>().Single(o => o.Code.Code() == "art-score");
        Assert.Equal(8m, ((Quantity)art.Value).Value);
        Assert.Contains(art.DerivedFrom, r => r.Reference!.StartsWith("Observation/", StringComparison.Ordinal));
        Assert.Contains(bundle.All<DetectedIssue>(), i => i.Code.Code() == "art");
        Assert.Contains(bundle.Guidance("art").ReasonReference, r => r.Reference == "urn:uuid:" + art.Id);

        var guidance = bundle.Guidance("stop-tace");
        var group = bundle.Resolve<RequestGroup>(guidance.Result);
        var card = PublishingFixture.Result("p14")["cards"]!.AsArray().Single(c => c!["source"]!["topic"]!["code"]!.GetValue<string>() == "stop-tace")!;
        var action = group.Action.Single();
        Assert.Equal(card["summary"]!.GetValue<string>(), action.Title);
        Assert.Equal(RequestPriority.Urgent, action.Priority);
        var communication = bundle.Resolve<CommunicationRequest>(action.Resource);
        Assert.Equal(card["summary"]!.GetValue<string>(), ((FhirString)communication.Payload[0].Content).Value);
        Assert.Equal(RequestPriority.Urgent, communication.Priority);
        Assert.Equal(["https://tacecds.org/fhir/PlanDefinition/stop-tace|1.0.0"], group.InstantiatesCanonical);
    }

    [Theory]
    [MemberData(nameof(PublishingFixture.SampleIds), MemberType = typeof(PublishingFixture))]
    public void Every_sample_bundle_is_a_collection_whose_internal_references_resolve_and_whose_ids_are_stable(string sampleId)
    {
        var bundle = BundleReader.For(sampleId);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var fullUrls = bundle.Entry.Select(e => e.FullUrl).ToList();
        Assert.Equal(fullUrls.Count, fullUrls.Distinct().Count());
        Assert.All(bundle.Entry, e => Assert.Equal("urn:uuid:" + e.Resource.Id, e.FullUrl));
        // Version 5 (name-based, SHA-1) UUIDs: the same evaluation gives the same ids.
        Assert.All(bundle.Entry, e => Assert.Equal('5', e.Resource.Id[14]));
        var internalReferences = bundle.Entry.SelectMany(e => e.Resource.AllReferences()).Where(r => r.StartsWith("urn:uuid:", StringComparison.Ordinal)).ToList();
        Assert.All(internalReferences, r => Assert.Contains(r, fullUrls));
        Assert.Equal(PublishingFixture.Rules.Packs.Count, bundle.All<GuidanceResponse>().Count());

        var again = ResultBundle.ToJson(PublishingFixture.Result(sampleId), PublishingFixture.Rules, indented: false);
        Assert.Equal(ResultBundle.ToJson(PublishingFixture.Result(sampleId), PublishingFixture.Rules, indented: false), again);
    }
}

internal static class ReferenceWalk
{
    /// <summary>Every Reference.reference in a resource, at any depth (through the POCO's children).</summary>
    public static IEnumerable<string> AllReferences(this Base element) =>
        element.EnumerateElements().SelectMany(kv => kv.Value switch
        {
            Base child => Of(child),
            IEnumerable<Base> children => children.SelectMany(Of),
            _ => [],
        });

    private static IEnumerable<string> Of(Base element) => element is ResourceReference { Reference: { } r } ? [r] : AllReferences(element);
}
