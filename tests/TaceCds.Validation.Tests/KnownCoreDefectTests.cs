using Hl7.Fhir.Model;

namespace TaceCds.Validation.Tests;

/// <summary>Each entry of <see cref="KnownCoreDefects"/> is shown to come from the R4 core definitions themselves.</summary>
[Collection(ValidatorCollection.Name)]
public class KnownCoreDefectTests(ValidatorFixture fixture)
{
    [Fact]
    public async System.Threading.Tasks.Task The_R4_core_Observation_definition_itself_carries_the_fhir_type_extension_outside_its_context()
    {
        var core = (StructureDefinition)(await fixture.Validator.Resolver.TryResolveByCanonicalUriAsync("http://hl7.org/fhir/StructureDefinition/Observation")).Value!;

        var issues = fixture.Validator.Validate(core);

        // Observation.id (element[1]) is typed System.String with the fhir-type extension on the type, as in every R4 resource.
        var known = issues.Where(i => i.Message.StartsWith(KnownCoreDefects.FhirTypeExtensionContext, StringComparison.Ordinal)).ToList();
        Assert.Contains(known, i => i.Location == "StructureDefinition.snapshot[0].element[1].type[0].extension[0]");
        Assert.All(known, i => Assert.Equal(IssueSeverity.Information, i.Severity));
        Assert.DoesNotContain(issues, i => i.IsError);
    }

    [Fact]
    public void The_same_message_elsewhere_stays_an_error()
    {
        var issue = new ValidationIssue(IssueSeverity.Error, "invalid", "Observation.extension[0]",
            "Extension used outside of appropriate contexts. Expected context to be one of: {ELEMENT,ElementDefinition.type.code}");

        Assert.Equal(IssueSeverity.Error, KnownCoreDefects.Classify(issue).Severity);
    }
}
