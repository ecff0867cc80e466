namespace TaceCds.SampleGenerator.Fhir;

/// <summary>The per-exam findings a radiologist reports; null = not reported on this exam.</summary>
public sealed record ExamFindings
{
    public int? TumorCount { get; init; }
    public decimal? LargestTumorMm { get; init; }
    /// <summary>Unit of <see cref="LargestTumorMm"/> as written to the bundle ("mm" or "cm"; the value is converted).</summary>
    public string LargestUnit { get; init; } = "mm";
    public bool? NewIntrahepaticLesion { get; init; }
    public bool? NewExtrahepaticLesion { get; init; }
    /// <summary>tacecds#CR, tacecds#IR-SD or tacecds#PD.</summary>
    public string? NontargetResponse { get; init; }
    public bool? VascularInvasion { get; init; }
    public bool? ExtrahepaticSpread { get; init; }
    /// <summary>The radiologist's overall mRECIST reading: CR, PR, SD or PD.</summary>
    public string? MrecistResponse { get; init; }
}
