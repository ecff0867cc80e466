using System.Text.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>Checks resourceType and hands the object to the reader of that type.</summary>
internal static class ResourceReader
{
    /// <param name="e">An object from a document that needs no disposal (it becomes Resource.Json as is).</param>
    /// <param name="expectedType">The resource type the caller requires, or null for any.</param>
    public static Resource Read(JsonCursor c, JsonElement e, string? expectedType = null)
    {
        // Each resource (a Bundle entry's too) has its own list of dropped elements.
        var outer = c.Dropped;
        c.Dropped = c.DropBadElements ? [] : null;
        try
        {
            var resource = ReadChecked(c, e, expectedType);
            if (c.Dropped is { Count: > 0 } dropped) resource.DroppedElements = dropped;
            return resource;
        }
        catch (InvalidOperationException ex)
        {
            // The cursor still points at the element whose text could not be decoded.
            throw JsonInput.InvalidText(ex, c.Path);
        }
        finally
        {
            c.Dropped = outer;
        }
    }

    private static Resource ReadChecked(JsonCursor c, JsonElement e, string? expectedType)
    {
        var type = ReadResourceType(c, e);
        if (expectedType is not null && type != expectedType)
            throw AtResourceType(c, FhirJsonErrorCodes.WrongResourceType, $"expected a {expectedType} but got {type}");
        if (c.AtRoot) c.Root = type;
        return type switch
        {
            "Patient" => PatientReader.Read(c, e),
            "Observation" => ObservationReader.Read(c, e),
            "Procedure" => ProcedureReader.Read(c, e),
            "ImagingStudy" => ImagingStudyReader.Read(c, e),
            "BodyStructure" => BodyStructureReader.Read(c, e),
            "Condition" => ConditionReader.Read(c, e),
            "MedicationStatement" => MedicationStatementReader.Read(c, e),
            "MedicationRequest" => MedicationRequestReader.Read(c, e),
            "MedicationAdministration" => MedicationAdministrationReader.Read(c, e),
            "ServiceRequest" => ServiceRequestReader.Read(c, e),
            "OperationOutcome" => OperationOutcomeReader.Read(c, e),
            "Bundle" => BundleReader.Read(c, e),
            _ => OtherResourceReader.Read(c, e, type),
        };
    }

    /// <summary>The resourceType of a resource object: JSON104 when it is not an object or has no string resourceType,
    /// JSON102 when the string is not an R4 resource type.</summary>
    public static string ReadResourceType(JsonCursor c, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
            throw c.Error(FhirJsonErrorCodes.MissingResourceType, $"a resource must be a JSON object, got {PrimitiveReader.Describe(e.ValueKind)}");
        if (!e.TryGetProperty("resourceType", out var rt))
            throw c.Error(FhirJsonErrorCodes.MissingResourceType, "resourceType is missing");
        if (rt.ValueKind != JsonValueKind.String)
            throw AtResourceType(c, FhirJsonErrorCodes.MissingResourceType, $"resourceType must be a string, got {PrimitiveReader.Describe(rt.ValueKind)}");
        var type = rt.GetString()!;
        if (!R4ResourceTypes.IsResourceType(type))
            throw AtResourceType(c, FhirJsonErrorCodes.WrongResourceType, $"'{type}' is not a FHIR R4 resource type");
        return type;
    }

    private static FhirFormatException AtResourceType(JsonCursor c, string code, string detail)
    {
        c.Push("resourceType");
        var error = c.Error(code, detail);
        c.Pop();
        return error;
    }
}
