using TaceCds.Clinical.Terminology;

namespace TaceCds.Service.Hooks;

/// <summary>
/// Every service the discovery endpoint lists. One id may serve several hooks (CDS Hooks 2.0.1 §Discovery allows
/// entries sharing an id), so a call is matched on id AND hook.
/// </summary>
public static class ServiceCatalog
{
    public const string CourseReviewId = "tace-course-review";
    public const string OrderCheckId = "tace-order-check";

    /// <summary>
    /// What the engine reads about a patient. Only root-level context tokens are used, as CDS Hooks 2.0.1
    /// §"Prefetch tokens" requires; searches use a bare id, as the spec's own examples do.
    /// </summary>
    public static IReadOnlyDictionary<string, string> PatientPrefetch { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["patient"] = "Patient/{{context.patientId}}",
        ["conditions"] = "Condition?patient={{context.patientId}}",
        ["procedures"] = "Procedure?patient={{context.patientId}}",
        ["observations"] = "Observation?patient={{context.patientId}}",
        ["imagingStudies"] = "ImagingStudy?patient={{context.patientId}}",
        ["lesions"] = "BodyStructure?patient={{context.patientId}}",
        ["medications"] = "MedicationStatement?patient={{context.patientId}}",
    };

    public static CdsServiceDefinition CourseReview { get; } = new(CourseReviewId, HookDefinitions.PatientView,
        "TACE course review",
        "The patient's TACE course, refractoriness status (CCI 2022, JSH-LCSGJ 2014), retreatment scores (ART, ABCR), liver function and staging, as cards.",
        PatientPrefetch);

    /// <summary>
    /// Which orders the order check reads, for integrators (discovery has no field for it, so the description says it):
    /// the TACE procedure value set, as the site extended it (docs/configuration.md, "Terminology").
    /// </summary>
    public const string OrderMatching =
        " A TACE order is a draft ServiceRequest coded from the value set " + ValueSetUrls.TaceProcedure +
        " (with the codes this site added) or tacecds#deb-tace; any other order gets no card.";

    public static CdsServiceDefinition OrderSelectCheck { get; } = new(OrderCheckId, HookDefinitions.OrderSelect,
        "TACE order check",
        "When a TACE order is selected, checks whether a refractoriness definition or retreatment score says TACE should stop, and offers to remove the order or refer to the tumor board." + OrderMatching,
        PatientPrefetch);

    public static CdsServiceDefinition OrderSignCheck { get; } = new(OrderCheckId, HookDefinitions.OrderSign,
        "TACE order check",
        "Before a TACE order is signed, checks whether a refractoriness definition or retreatment score says TACE should stop, and offers to remove the order or refer to the tumor board." + OrderMatching,
        PatientPrefetch);

    public static IReadOnlyList<CdsServiceDefinition> All { get; } = [CourseReview, OrderSelectCheck, OrderSignCheck];

    public static bool HasId(string id) => All.Any(s => s.Id == id);

    public static CdsServiceDefinition? Find(string id, string hook) => All.FirstOrDefault(s => s.Id == id && s.Hook == hook);
}
