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
    public string? Source { get; init; }

    public const string UnknownModality = "unknown";

    /// <summary>Contrast-enhanced CT or MR, the exams mRECIST can assess (Lencioni &amp; Llovet 2010).</summary>
    public bool IsContrastCtOrMr => ContrastEnhanced != false && (Modalities.Contains("CT") || Modalities.Contains("MR"));

    public bool HasUnknownModality => Modalities.Count == 1 && Modalities[0] == UnknownModality;

    /// <summary>The modality shown on outputs: CT or MR first, then whatever the study has.</summary>
    public string PrimaryModality =>
        Modalities.Contains("MR") ? "MR" : Modalities.Contains("CT") ? "CT" : Modalities.FirstOrDefault() ?? UnknownModality;
}
