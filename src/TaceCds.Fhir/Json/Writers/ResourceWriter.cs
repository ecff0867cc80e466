using System.Text.Json;
using TaceCds.Fhir.Model;
using D = TaceCds.Fhir.Json.Writers.DataTypeWriter;
using O = TaceCds.Fhir.Json.Writers.JsonOut;

namespace TaceCds.Fhir.Json.Writers;

/// <summary>Writes one resource: the shared members, then those of its type (resources.html element order).</summary>
internal static class ResourceWriter
{
    public static void Write(Utf8JsonWriter w, Resource resource, FhirJsonWriterOptions options)
    {
        // An OtherResource's content lives only in its Json, so that is what is written for it.
        if (resource.Json is { } original && (options.UseOriginalJson || resource is OtherResource))
        {
            original.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        w.WriteString("resourceType", resource.ResourceType);
        O.String(w, "id", resource.Id);
        O.Object(w, "meta", resource.Meta, D.WriteMeta, D.HasMeta);
        if (resource is DomainResource domain)
        {
            O.Array(w, "extension", domain.Extensions, D.WriteExtension, D.HasExtension);
            O.Array(w, "modifierExtension", domain.ModifierExtensions, D.WriteExtension, D.HasExtension);
        }
        switch (resource)
        {
            case Patient r: PatientWriter.WriteMembers(w, r); break;
            case Observation r: ObservationWriter.WriteMembers(w, r); break;
            case Procedure r: ProcedureWriter.WriteMembers(w, r); break;
            case ImagingStudy r: ImagingStudyWriter.WriteMembers(w, r); break;
            case BodyStructure r: BodyStructureWriter.WriteMembers(w, r); break;
            case Condition r: ConditionWriter.WriteMembers(w, r); break;
            case MedicationStatement r: MedicationWriters.WriteMembers(w, r); break;
            case MedicationRequest r: MedicationWriters.WriteMembers(w, r); break;
            case MedicationAdministration r: MedicationWriters.WriteMembers(w, r); break;
            case ServiceRequest r: ServiceRequestWriter.WriteMembers(w, r); break;
            case OperationOutcome r: OperationOutcomeWriter.WriteMembers(w, r); break;
            case Bundle r: BundleWriter.WriteMembers(w, r, options); break;
            case OtherResource: break; // built in code: only the shared members exist
            default: throw new ArgumentException($"no writer for {resource.GetType().Name}", nameof(resource));
        }
        w.WriteEndObject();
    }
}
