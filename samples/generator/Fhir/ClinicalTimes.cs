namespace TaceCds.SampleGenerator.Fhir;

/// <summary>Fixed local times of day, so every event has a full dateTime without reading a clock.</summary>
public static class ClinicalTimes
{
    /// <summary>Morning bloods (pre-procedure labs are drawn the day before a session).</summary>
    public static readonly TimeOnly Labs = new(7, 30);
    public static readonly TimeOnly Clinic = new(9, 0);
    public static readonly TimeOnly Imaging = new(10, 0);
    public static readonly TimeOnly Procedure = new(14, 0);
}
