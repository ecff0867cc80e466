namespace TaceCds.Dicom.Mapping;

/// <summary>
/// The SR concept names the extractors navigate by. Source: DICOM PS3.16 (TID 1500, TID 1411, TID 10011-10013),
/// cross-checked in pydicom's PS3.16 concept table (pydicom/sr/_concepts_dict.py).
/// </summary>
internal static class SrConcepts
{
    public const string Dcm = "DCM";
    public const string Sct = "SCT";

    // TID 1500 Measurement Report
    public const string ImagingMeasurementReport = "126000";
    public const string ImagingMeasurements = "126010";
    public const string MeasurementGroup = "125007";
    public const string TrackingIdentifier = "112039";
    public const string TrackingUniqueIdentifier = "112040";
    public const string Finding = "121071";
    /// <summary>SNOMED CT 363698007 Finding site (PS3.16 TID 1419 / CID 7151 usage).</summary>
    public const string FindingSite = "363698007";

    // TID 10011 CT Radiation Dose
    public const string XRayRadiationDoseReport = "113701";
    public const string CtAccumulatedDoseData = "113811";
    public const string CtDoseLengthProductTotal = "113813";
    public const string CtEffectiveDoseTotal = "113814";
    public const string CtAcquisition = "113819";
    public const string CtDose = "113829";
    public const string MeanCtdiVol = "113830";
    public const string Dlp = "113838";
    public const string EffectiveDose = "113839";
    public const string IrradiationEventUid = "113769";
}
