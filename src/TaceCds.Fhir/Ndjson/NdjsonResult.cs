using TaceCds.Fhir.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Ndjson;

/// <summary>One non-blank NDJSON line: a resource, or the error that line has (with the line number set).</summary>
/// <param name="LineNumber">1-based line in the file.</param>
/// <param name="Offset">Byte offset of the line's first byte.</param>
/// <param name="Length">Bytes in the line, without its '\n'.</param>
public sealed record NdjsonResult(int LineNumber, long Offset, int Length, Resource? Resource, FhirFormatException? Error)
{
    public bool IsError => Error is not null;
}
