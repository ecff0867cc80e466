namespace TaceCds.Clinical.Facts;

/// <summary>An imaging exam: an ImagingStudy, or the Observations of one date that point at no study.</summary>
public sealed record ImagingExamFact
{
    /// <summary><c>ImagingStudy/id</c>, or <c>date:yyyy-MM-dd</c> for Observations without a study.</summary>
    public required string Key { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>CT, MR, PT, US… ("unknown" when no study says).</summary>
    public required IReadOnlyList<string> Modalities { get; init; }
    /// <summary>False only when the contrast-enhanced extension says so; null for exams without a study.</summary>
    public bool? ContrastEnhanced { get; init; }
    /// <summary>The contrast-enhanced extension carries a boolean (a hybrid PET/CT or PET/MR needs it documented as true).</summary>
    public bool ContrastDocumented { get; init; }
    public string? Source { get; init; }

    public const string UnknownModality = "unknown";

    /// <summary>
    /// A contrast-enhanced CT or MR, the only exams that set a baseline, a nadir or an mRECIST assessment
    /// (Lencioni &amp; Llovet 2010; clinical-reference.md §2): plain CT/MR unless documented non-contrast, a hybrid
    /// PET/CT or PET/MR only with contrast documented as true.
    /// </summary>
    public bool IsContrastCtOrMr => NotQualifyingReason is null;

    public bool HasUnknownModality => Modalities.Count == 1 && Modalities[0] == UnknownModality;

    /// <summary>A study that is observations grouped by date: there is no ImagingStudy to say what the exam was.</summary>
    public bool HasNoStudy => Key.StartsWith("date:", StringComparison.Ordinal);

    private bool HasCtOrMr => Modalities.Contains("CT") || Modalities.Contains("MR");

    /// <summary>A hybrid PET/CT or PET/MR: the CT or MR part may be a non-contrast attenuation scan.</summary>
    public bool IsHybridPet => Modalities.Contains("PT") && HasCtOrMr;

    /// <summary>Why the exam is not a contrast CT/MR, in clinical words; null when it is one.</summary>
    public string? NotQualifyingReason
    {
        get
        {
            if (HasNoStudy) return "no ImagingStudy: the exam's modality and contrast are unknown";
            if (HasUnknownModality) return "the ImagingStudy names no modality";
            if (IsHybridPet)
                return ContrastDocumented && ContrastEnhanced == true ? null
                    : $"{HybridName} without documented contrast enhancement";
            if (HasCtOrMr) return ContrastEnhanced == false ? $"{PrimaryModality} without contrast" : null;
            return $"{Describe(PrimaryModality)}, not a contrast CT/MR";
        }
    }

    private string HybridName => Modalities.Contains("MR") ? "PET/MR" : "PET/CT";

    /// <summary>The exam's kind in messages: PET/CT or PET/MR for a hybrid, else <see cref="PrimaryModality"/>.</summary>
    public string DisplayModality => IsHybridPet ? HybridName : PrimaryModality;

    private static string Describe(string modality) => modality switch
    {
        "US" => "ultrasound",
        "PT" => "PET",
        _ => modality,
    };

    /// <summary>The modality shown on outputs: CT or MR first, then whatever the study has.</summary>
    public string PrimaryModality =>
        Modalities.Contains("MR") ? "MR" : Modalities.Contains("CT") ? "CT" : Modalities.FirstOrDefault() ?? UnknownModality;
}
