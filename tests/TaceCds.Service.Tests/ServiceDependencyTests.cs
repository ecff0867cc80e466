using TaceCds.Service.Cards;

namespace TaceCds.Service.Tests;

/// <summary>Issue 16: the CDS Hooks hot path builds its suggestion resources with the Firely POCOs but never loads the validator.</summary>
public class ServiceDependencyTests
{
    [Fact]
    public void Neither_the_service_nor_the_publishing_assembly_it_uses_references_the_validator()
    {
        var service = typeof(StopTaceCard).Assembly;
        var publishing = typeof(TaceCds.Publishing.Suggestions.TumorBoardReferral).Assembly;
        Assert.Contains(service.GetReferencedAssemblies(), a => a.Name == "TaceCds.Publishing");
        foreach (var assembly in new[] { service, publishing })
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name is "TaceCds.Validation" or "Firely.Fhir.Validation" or "Firely.Fhir.Validation.R4");
    }
}
