namespace TaceCds.Dicom.Sr;

/// <summary>
/// NUM value (PS3.3 C.18.1, TID 1500 measurements): the decimal as written in Numeric Value (DS), the
/// optional Floating Point Value (FD) carrying full precision, the UCUM unit from Measurement Units Code
/// Sequence, and the qualifier when the value is missing (e.g. "Not a number").
/// </summary>
public sealed record SrNumericValue(string? Text, decimal? Value, double? FloatingPoint, SrCode? Unit, SrCode? Qualifier);

/// <summary>COMPOSITE / IMAGE / WAVEFORM reference (PS3.3 C.18.3-C.18.5): the referenced SOP and frames.</summary>
public sealed record SrCompositeReference(string? SopClassUid, string? SopInstanceUid, IReadOnlyList<int> Frames, IReadOnlyList<int> Segments);

/// <summary>
/// SCOORD / SCOORD3D / TCOORD (PS3.3 C.18.6-C.18.7): graphic or temporal range type and its numbers
/// (x/y pairs, x/y/z triples, or sample positions / time offsets / datetimes as text).
/// </summary>
public sealed record SrCoordinates(string Type, IReadOnlyList<double> Points, string? FrameOfReferenceUid, IReadOnlyList<string> DateTimes);
