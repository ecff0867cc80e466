using System.Text;

namespace TaceCds.Dicom.Text;

/// <summary>
/// Decodes string values according to Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and PS3.5 6.1.
/// Supported: the default repertoire (ISO_IR 6), UTF-8 (ISO_IR 192), GB18030 / GBK, and the single-byte
/// ISO 8859 sets (ISO_IR 100/101/109/110/144/127/126/138/148/203) and ISO_IR 166 — each without ISO 2022
/// code extensions. Anything else (ISO 2022 escape-switched multi-byte sets) is reported as DCM202 when a
/// value is decoded, never guessed.
/// </summary>
public sealed class DicomCharacterSet
{
    static DicomCharacterSet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private readonly Encoding? _encoding;
    private readonly bool _codeExtensions;

    private DicomCharacterSet(string term, Encoding? encoding, bool codeExtensions = false)
    {
        Term = term;
        _encoding = encoding;
        _codeExtensions = codeExtensions;
    }

    /// <summary>The (0008,0005) value this was made from; "" for the default repertoire.</summary>
    public string Term { get; }

    public bool IsSupported => _encoding is not null;

    /// <summary>ISO_IR 6. Bytes above 0x7F are not valid here; decode them as Latin-1 like most readers instead of failing.</summary>
    public static DicomCharacterSet Default { get; } = new("", Encoding.Latin1);

    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> values)
    {
        // Value 1 may be empty (= default) when code extensions follow; a single defined term is the common case.
        var terms = values.Select(v => v.Trim()).ToList();
        if (terms.Count == 0 || (terms.Count == 1 && terms[0].Length == 0))
            return Default;
        if (terms.Count == 1)
        {
            var encoding = EncodingFor(terms[0]);
            return new DicomCharacterSet(terms[0], encoding, codeExtensions: terms[0].StartsWith("ISO 2022", StringComparison.Ordinal));
        }
        // Multi-valued means ISO 2022 code extensions. Decodable here only when at most one of the sets goes beyond
        // ASCII (e.g. "ISO 2022 IR 6\ISO 2022 IR 100") and no value actually switches sets with an escape sequence.
        var term = string.Join('\\', terms);
        var encodings = terms.Where(t => t.Length > 0 && t is not ("ISO_IR 6" or "ISO 2022 IR 6")).Select(EncodingFor).ToList();
        if (encodings.Any(e => e is null) || encodings.Distinct().Count() > 1)
            return new DicomCharacterSet(term, null);
        return new DicomCharacterSet(term, encodings.FirstOrDefault() ?? Encoding.Latin1, codeExtensions: true);
    }

    public string Decode(ReadOnlySpan<byte> bytes, long offset)
    {
        if (_encoding is null)
            throw new DicomFormatException(DicomErrorCodes.UnsupportedCharacterSet, offset,
                $"Specific Character Set '{Term}' is not supported (supported: ISO_IR 6, 100, 101, 109, 110, 126, 127, 138, 144, 148, 166, 192, 203, GB18030, GBK)");
        if (_codeExtensions && bytes.Contains((byte)0x1B))
            throw new DicomFormatException(DicomErrorCodes.UnsupportedCharacterSet, offset,
                $"Specific Character Set '{Term}': ISO 2022 escape sequences are not supported");
        return _encoding.GetString(bytes);
    }

    private static Encoding? EncodingFor(string term) => term switch
    {
        "ISO_IR 6" or "ISO 2022 IR 6" => Encoding.Latin1,
        "ISO_IR 192" => Encoding.UTF8,
        "ISO_IR 100" or "ISO 2022 IR 100" => Encoding.Latin1,
        "ISO_IR 101" or "ISO 2022 IR 101" => Encoding.GetEncoding("iso-8859-2"),
        "ISO_IR 109" or "ISO 2022 IR 109" => Encoding.GetEncoding("iso-8859-3"),
        "ISO_IR 110" or "ISO 2022 IR 110" => Encoding.GetEncoding("iso-8859-4"),
        "ISO_IR 144" or "ISO 2022 IR 144" => Encoding.GetEncoding("iso-8859-5"),
        "ISO_IR 127" or "ISO 2022 IR 127" => Encoding.GetEncoding("iso-8859-6"),
        "ISO_IR 126" or "ISO 2022 IR 126" => Encoding.GetEncoding("iso-8859-7"),
        "ISO_IR 138" or "ISO 2022 IR 138" => Encoding.GetEncoding("iso-8859-8"),
        "ISO_IR 148" or "ISO 2022 IR 148" => Encoding.GetEncoding("iso-8859-9"),
        "ISO_IR 203" or "ISO 2022 IR 203" => Encoding.GetEncoding("iso-8859-15"),
        "ISO_IR 166" or "ISO 2022 IR 166" => Encoding.GetEncoding(874),
        "GB18030" => Encoding.GetEncoding("GB18030"),
        "GBK" => Encoding.GetEncoding("GBK"),
        _ => null,
    };
}
