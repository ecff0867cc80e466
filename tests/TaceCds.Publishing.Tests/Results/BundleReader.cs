using Hl7.Fhir.Model;
using TaceCds.Publishing.Results;

namespace TaceCds.Publishing.Tests.Results;

/// <summary>A sample's result Bundle as a consumer sees it: serialized, then parsed back with the Firely parser.</summary>
public static class BundleReader
{
    public static Bundle For(string sampleId) =>
        FhirJson.Parse<Bundle>(ResultBundle.ToJson(PublishingFixture.Result(sampleId), PublishingFixture.Rules, indented: false));

    public static IEnumerable<T> All<T>(this Bundle bundle) where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>();

    public static GuidanceResponse Guidance(this Bundle bundle, string packId) =>
        bundle.All<GuidanceResponse>().Single(g => ((Canonical)g.Module).Value.StartsWith($"https://tacecds.org/fhir/PlanDefinition/{packId}|", StringComparison.Ordinal));

    public static T Resolve<T>(this Bundle bundle, ResourceReference reference) where T : Resource =>
        (T)bundle.Entry.Single(e => e.FullUrl == reference.Reference).Resource;

    public static string Code(this CodeableConcept concept) => concept.Coding.Single().Code;
}
