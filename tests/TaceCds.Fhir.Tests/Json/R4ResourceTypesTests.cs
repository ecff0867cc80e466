using TaceCds.Fhir.Json;

namespace TaceCds.Fhir.Tests.Json;

public class R4ResourceTypesTests
{
    [Fact]
    public void Holds_the_R4_list_and_nothing_from_other_versions()
    {
        Assert.Equal(146, R4ResourceTypes.All.Count);
        foreach (var name in new[] { "Patient", "Observation", "Bundle", "Binary", "Parameters", "MedicinalProductUndesirableEffect", "EffectEvidenceSynthesis", "VisionPrescription" })
            Assert.True(R4ResourceTypes.IsResourceType(name), name);
        // R5-only (Permission, SubscriptionTopic, …), DSTU2-only (Order) and abstract types are not R4 resource types.
        foreach (var name in new[] { "Permission", "SubscriptionTopic", "Order", "Resource", "DomainResource", "patient" })
            Assert.False(R4ResourceTypes.IsResourceType(name), name);
    }
}
