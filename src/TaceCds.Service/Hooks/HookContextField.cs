namespace TaceCds.Service.Hooks;

/// <summary>What a context field must hold.</summary>
public enum ContextFieldKind
{
    /// <summary>A FHIR id (<c>Patient.id</c>), never <c>Type/id</c>.</summary>
    FhirId,
    /// <summary>A <c>Type/id</c> reference string (ord-1: <c>^[\d\w]+/[\d\w-.]+$</c>).</summary>
    Reference,
    /// <summary>A non-empty array of <c>Type/id</c> strings.</summary>
    ReferenceArray,
    /// <summary>A FHIR Bundle object (its <c>type</c> may be missing: the CDS Hooks sandbox omits it).</summary>
    Bundle,
}

/// <summary>One context field of a hook (CDS Hooks library 1.0.1 context tables).</summary>
public sealed record HookContextField(string Name, ContextFieldKind Kind, bool Required);
