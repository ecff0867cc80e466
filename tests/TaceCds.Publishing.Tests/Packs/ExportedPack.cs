using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace TaceCds.Publishing.Tests.Packs;

/// <summary>
/// A pack read back from its exported JSON with the Firely parser: the fields of the PlanDefinition and the YAML
/// attached to the Library (checked against its SHA-1 hash) — what an informaticist's tooling would see.
/// </summary>
public sealed record ExportedPack(PlanDefinition PlanDefinition, Library Library, string Yaml)
{
    public static ExportedPack Read(string planDefinitionJson, string libraryJson)
    {
        var plan = FhirJson.Parse<PlanDefinition>(planDefinitionJson);
        var library = FhirJson.Parse<Library>(libraryJson);
        var attachment = library.Content.Single(c => c.ContentType == "application/x-yaml");
#pragma warning disable CA5350 // FHIR R4 Attachment.hash is SHA-1.
        Assert.Equal(Convert.ToBase64String(SHA1.HashData(attachment.Data)), Convert.ToBase64String(attachment.Hash));
#pragma warning restore CA5350
        return new ExportedPack(plan, library, Encoding.UTF8.GetString(attachment.Data));
    }

    /// <summary>Every action at any depth, with its id.</summary>
    public IEnumerable<PlanDefinition.ActionComponent> Actions => Flatten(PlanDefinition.Action);

    public PlanDefinition.ActionComponent Action(string id) => Actions.Single(a => a.ElementId == id);

    /// <summary>The FHIRPath of an action's conditions with the given description.</summary>
    public static List<string> Conditions(PlanDefinition.ActionComponent action, string description) =>
        action.Condition.Where(c => c.Expression.Description == description).Select(c => c.Expression.Expression_).ToList();

    private static IEnumerable<PlanDefinition.ActionComponent> Flatten(IEnumerable<PlanDefinition.ActionComponent> actions) =>
        actions.SelectMany(a => Flatten(a.Action).Prepend(a));
}
