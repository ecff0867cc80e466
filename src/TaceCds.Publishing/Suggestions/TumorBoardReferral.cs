using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace TaceCds.Publishing.Suggestions;

/// <summary>
/// The resource of the order-sign card's "Refer to the multidisciplinary tumor board instead" suggestion: a draft
/// ServiceRequest (intent proposal) for the patient, with the decision's reason, built as a Firely POCO and written by its
/// serializer like every resource the project publishes. No code: no LOINC or SNOMED CT code for a tumor board review is
/// recorded in fhir-profiles/codes.md, so the request names it in <c>code.text</c>.
/// </summary>
public static class TumorBoardReferral
{
    public const string Text = "Multidisciplinary tumor board review: TACE refractoriness";

    /// <summary>The serializer for the suggestion resources only: the whole R4 model is never inspected on the hot path.</summary>
    public static FhirJsonWriter Writer { get; } = new(typeof(ServiceRequest));

    public static ServiceRequest Build(string id, string patientId, string reason) => new()
    {
        Id = id,
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Proposal,
        Code = new CodeableConcept { Text = Text },
        Subject = new ResourceReference("Patient/" + patientId),
        ReasonCode = [new CodeableConcept { Text = reason }],
    };

    /// <summary>The ServiceRequest as JSON to embed in a CDS Hooks suggestion action's <c>resource</c>.</summary>
    public static JsonObject Json(string id, string patientId, string reason) => Writer.ToNode(Build(id, patientId, reason));
}
