using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using TaceCds.Fhir.Identity;

namespace TaceCds.Publishing.Results;

/// <summary>
/// What every resource of one patient's result Bundle shares: the subject, the evaluation date, and deterministic ids —
/// name-based UUIDs of (patient, asOf, what), so the same evaluation always gives the same Bundle.
/// </summary>
public sealed class ResultContext
{
    /// <summary>The namespace of result resources (a fixed random UUID; never change it, or every result id changes).</summary>
    public static readonly Guid ResultNamespace = new("5c2d7e9a-1b3f-4e6d-8a47-2f9c0b1d3e65");

    public ResultContext(JsonObject result)
    {
        Result = result;
        Patient = result["patient"]?.GetValue<string>() ?? throw new ArgumentException("the EvaluationResult has no patient", nameof(result));
        AsOf = result["asOf"]?.GetValue<string>() ?? throw new ArgumentException("the EvaluationResult has no asOf", nameof(result));
    }

    public JsonObject Result { get; }
    /// <summary>The patient reference, <c>Patient/&lt;id&gt;</c>.</summary>
    public string Patient { get; }
    public string AsOf { get; }
    public ResourceReference Subject => new(Patient);

    /// <summary>A deterministic uuid for a result resource named by <paramref name="what"/> (e.g. <c>Observation|scores.nlr</c>).</summary>
    public string Id(string what) => NameBasedUuid.Create(ResultNamespace, $"{Patient}|{AsOf}|{what}").ToString();

    public static string FullUrl(string? id) => "urn:uuid:" + (id ?? throw new ArgumentException("a result resource has an id", nameof(id)));
    public static ResourceReference Reference(Resource resource) => new(FullUrl(resource.Id));
}
