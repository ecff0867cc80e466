using TaceCds.Fhir.Data;

namespace TaceCds.Service.Prefetch;

/// <summary>The optional read-only data source of last resort (<c>TaceCds:LocalData</c>; <c>tacecds serve</c> points it at samples/).</summary>
public sealed class LocalDataSource(IFhirDataSource? source)
{
    public IFhirDataSource? Source { get; } = source;
}
