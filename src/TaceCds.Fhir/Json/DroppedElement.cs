namespace TaceCds.Fhir.Json;

/// <summary>
/// An element the reader could not read and left out of the model, so that one bad element does not cost the whole
/// resource (<see cref="FhirJsonParserOptions.DropBadElements"/>). The fact it would have given is unknown, never
/// guessed; data sources and the engine report it as a data issue with the same stable code.
/// </summary>
/// <param name="Code">The stable JSON1xx code the strict reader would have thrown.</param>
/// <param name="Path">The JSON path of the offending element (<c>Patient.birthDate</c>, <c>Bundle.entry[3].resource</c>).</param>
/// <param name="Line">1-based line of the offending element in the input, when the input was read from bytes.</param>
public sealed record DroppedElement(string Code, string Path, string Detail, long? Line)
{
    public string Location => Line is null ? Path : $"{Path} (line {Line})";

    public override string ToString() => $"{Code} at {Location}: {Detail}";
}
