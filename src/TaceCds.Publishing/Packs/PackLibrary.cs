using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using TaceCds.Rules.Model;

namespace TaceCds.Publishing.Packs;

/// <summary>
/// A rule pack as a logic Library: the pack's defines as <c>parameter</c>s (use out, the FHIRPath in <c>documentation</c>)
/// and the pack YAML itself as <c>content</c> (<c>application/x-yaml</c>, base64 data, SHA-1 hash as FHIR's Attachment.hash
/// defines it), so the exact source the engine ran is always one click from the PlanDefinition. No <c>size</c>: the SDK
/// writes it as a JSON string (R5 integer64), which is not R4 (unsignedInt); the round-trip test caught it.
/// </summary>
public static class PackLibrary
{
    public static Library Build(RulePack pack, string yaml)
    {
        var data = Encoding.UTF8.GetBytes(yaml);
#pragma warning disable CA5350 // FHIR R4 Attachment.hash is defined as the SHA-1 of the data; an integrity check, not security.
        var hash = SHA1.HashData(data);
#pragma warning restore CA5350
        var library = new Library
        {
            Id = pack.Id,
            Url = Canonicals.Library(pack.Id),
            Version = pack.Version,
            Name = PackMetadata.Name(pack.Id),
            Title = pack.Title,
            Type = new CodeableConcept(Canonicals.LibraryType, "logic-library", "Logic Library", null),
            Status = PublicationStatus.Active,
            Publisher = "TaceCds",
            Description = $"The defines and the source of the TaceCds rule pack {pack.Id} {pack.Version}; the PlanDefinition {Canonicals.PlanDefinition(pack.Id)} holds its rules.",
            UseContext = PackMetadata.Focus(),
            Topic = [PackMetadata.EvidenceTopic(pack.Evidence)],
            RelatedArtifact = [PackMetadata.Citation(pack.Citation), .. pack.Uses.Select(u => PackMetadata.DependsOn(Canonicals.Library(u.Id)))],
            Parameter = pack.Defines.Select(d => new ParameterDefinition
            {
                Name = d.Name,
                Use = OperationParameterUse.Out,
                Type = FHIRAllTypes.Any,
                Documentation = d.Expression.Text,
            }).ToList(),
            Content =
            [
                new Attachment
                {
                    ContentType = Canonicals.Yaml,
                    Data = data,
                    Hash = hash,
                    Title = Path.GetFileName(pack.File),
                },
            ],
        };
        return library;
    }
}
