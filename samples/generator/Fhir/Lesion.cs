namespace TaceCds.SampleGenerator.Fhir;

/// <summary>A BodyStructure already added to a record; <see cref="Key"/> is the short label (a, b, …) used in ids.</summary>
public sealed record Lesion(string Id, string Key);
