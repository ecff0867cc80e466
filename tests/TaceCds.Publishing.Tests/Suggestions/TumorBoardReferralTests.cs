using Hl7.Fhir.Model;
using TaceCds.Publishing.Results;
using TaceCds.Publishing.Suggestions;

namespace TaceCds.Publishing.Tests.Suggestions;

/// <summary>
/// Issue 16: the order-sign card's suggestion resource is built as a Firely POCO and written by the lean serializer, which
/// must write exactly what the full-model serializer writes.
/// </summary>
public class TumorBoardReferralTests
{
    [Fact]
    public void The_referral_is_a_draft_proposal_for_the_patient_with_the_decisions_reason()
    {
        var json = TumorBoardReferral.Json("5d1c9a40-0000-4000-8000-000000000001", "p14", "ART 8 >= 2.5: poor prognosis").ToJsonString();
        var request = FhirJson.Parse<ServiceRequest>(json);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(RequestIntent.Proposal, request.Intent);
        Assert.Equal("Patient/p14", request.Subject.Reference);
        Assert.Equal("Multidisciplinary tumor board review: TACE refractoriness", request.Code.Text);
        Assert.Equal("ART 8 >= 2.5: poor prognosis", request.ReasonCode.Single().Text);
        Assert.Equal("5d1c9a40-0000-4000-8000-000000000001", request.Id);
    }

    [Fact]
    public void The_lean_writer_writes_the_same_json_as_the_full_model_serializer()
    {
        var referral = TumorBoardReferral.Build("r1", "p14", "reason");
        Assert.Equal(FhirJson.Serialize(referral, indented: false), TumorBoardReferral.Writer.ToNode(referral).ToJsonString());

        var bundle = ResultBundle.Build(PublishingFixture.Result("p11"), PublishingFixture.Rules);
        Assert.Equal(FhirJson.Serialize(bundle), ResultBundle.ToJson(PublishingFixture.Result("p11"), PublishingFixture.Rules, indented: true));
    }
}
