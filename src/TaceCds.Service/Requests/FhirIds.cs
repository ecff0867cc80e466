using System.Text.RegularExpressions;

namespace TaceCds.Service.Requests;

/// <summary>FHIR id and reference shapes the request validation checks.</summary>
public static partial class FhirIds
{
    /// <summary>FHIR R4 <c>id</c> datatype: <c>[A-Za-z0-9\-\.]{1,64}</c> (https://hl7.org/fhir/R4/datatypes.html#id).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$")]
    public static partial Regex Id();

    /// <summary>A <c>Type/id</c> reference, the shape of <c>userId</c> and <c>selections</c> (CDS Hooks library invariant ord-1).</summary>
    [GeneratedRegex(@"^[A-Za-z]+/[A-Za-z0-9\-\.]{1,64}$")]
    public static partial Regex TypedReference();
}
