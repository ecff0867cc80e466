using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Model;

namespace TaceCds.Service.Prefetch;

/// <summary>The patient's resources gathered for one call, and where each prefetch key's data came from.</summary>
public sealed record PatientData(Patient? Patient, IReadOnlyList<Resource> Resources, IReadOnlyList<DataIssue> Issues, IReadOnlyDictionary<string, string> SourceByKey);
