namespace TaceCds.SampleGenerator.Fhir;

/// <summary>An ImagingStudy already added to a record; observations derived from it point at <see cref="Id"/>.</summary>
public sealed record Exam(string Id, DateOnly Date);
