using Hl7.Fhir.Model;
using TaceCds.Publishing.Packs;
using TaceCds.Publishing.Results;
using TaceCds.Publishing.Suggestions;

namespace TaceCds.Publishing.Tests.Validation;

/// <summary>
/// Issue 16 "Done when": what the project publishes validates against base R4 and the implementation guide with 0 errors —
/// every exported PlanDefinition and Library, the <c>evaluate --format fhir</c> Bundle of every sample, the order-sign
/// suggestion resource — and a deliberately wrong one gives an error with its location.
/// </summary>
[Collection(ValidatorCollection.Name)]
public class ArtifactValidationTests(ValidatorFixture fixture)
{
    private static readonly Lazy<IReadOnlyList<PackArtifacts>> Exported = new(() => PackExport.Build(PublishingFixture.Rules, File.ReadAllText));

    [Theory]
    [MemberData(nameof(PublishingFixture.PackIds), MemberType = typeof(PublishingFixture))]
    public void The_exported_plan_definition_and_library_of_every_pack_validate_with_no_errors(string packId)
    {
        var artifacts = Exported.Value.Single(a => a.PackId == packId);
        var issues = fixture.Validator.Validate(FhirJson.Serialize(artifacts.PlanDefinition))
            .Concat(fixture.Validator.Validate(FhirJson.Serialize(artifacts.Library))).ToList();
        Assert.True(issues.All(i => !i.IsError), ValidatorFixture.Errors(issues));
    }

    [Theory]
    [MemberData(nameof(PublishingFixture.SampleIds), MemberType = typeof(PublishingFixture))]
    public void The_fhir_result_bundle_of_every_sample_validates_with_no_errors(string sampleId)
    {
        var json = ResultBundle.ToJson(PublishingFixture.Result(sampleId), PublishingFixture.Rules, indented: false);
        var issues = fixture.Validator.Validate(json).Where(i => !IsRas2WithoutProbability(i)).ToList();
        Assert.True(issues.All(i => !i.IsError), ValidatorFixture.Errors(issues));
    }

    /// <summary>
    /// R4 core defect: invariant ras-2 <c>probability is decimal implies (probability as decimal) &lt;= 100</c> evaluates to
    /// empty, which Firely reports as failed, when a prediction has no probability — and a relative-odds or classification
    /// model must have none (issue 16). Only that error on a prediction is set aside; the next test proves it comes from
    /// the core definition, so a fixed SDK or core package makes that test fail and this exception can go.
    /// </summary>
    private static bool IsRas2WithoutProbability(TaceCds.Validation.ValidationIssue issue) =>
        issue.IsError && issue.Message.StartsWith("Instance failed constraint ras-2", StringComparison.Ordinal) && issue.Location.EndsWith(".prediction[0]", StringComparison.Ordinal);

    [Fact]
    public void R4_core_ras_2_fails_any_risk_assessment_prediction_without_a_probability()
    {
        var minimal = """{"resourceType":"RiskAssessment","status":"final","subject":{"reference":"Patient/x"},"prediction":[{"qualitativeRisk":{"text":"relative odds 2.0"}}]}""";
        var withProbability = """{"resourceType":"RiskAssessment","status":"final","subject":{"reference":"Patient/x"},"prediction":[{"probabilityDecimal":0.2}]}""";

        Assert.Contains(fixture.Validator.Validate(minimal), IsRas2WithoutProbability);
        Assert.DoesNotContain(fixture.Validator.Validate(withProbability), i => i.IsError);
    }

    [Fact]
    public void The_order_sign_tumor_board_suggestion_validates_with_no_errors()
    {
        var json = TumorBoardReferral.Json("8f1c9a40-0000-4000-8000-000000000002", "p14", "ART 8 >= 2.5").ToJsonString();
        var issues = fixture.Validator.Validate(json);
        Assert.True(issues.All(i => !i.IsError), ValidatorFixture.Errors(issues));
    }

    [Fact]
    public void A_result_bundle_whose_detected_issue_lost_its_status_gives_an_error_at_that_entry()
    {
        var bundle = ResultBundle.Build(PublishingFixture.Result("p02"), PublishingFixture.Rules);
        var index = bundle.Entry.FindIndex(e => e.Resource is DetectedIssue);
        ((DetectedIssue)bundle.Entry[index].Resource).Status = null;

        var errors = fixture.Validator.Validate(bundle).Where(i => i.IsError).ToList();

        Assert.Contains(errors, e => e.Location.StartsWith($"Bundle.entry[{index}].resource", StringComparison.Ordinal));
    }
}
