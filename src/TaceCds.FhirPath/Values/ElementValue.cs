using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>A JSON object: a FHIR resource or complex datatype (typed), or a plain fact-tree object (untyped).</summary>
public sealed class ElementValue : FhirPathValue
{
    public ElementValue(JsonElement element, string? fhirType)
    {
        Element = element;
        FhirType = fhirType;
    }

    public JsonElement Element { get; }

    /// <summary>Where this element's children are defined: its type name, or a backbone path like <c>Patient.contact</c>.</summary>
    internal string? DefinitionPath { get; init; }

    private int _underscoreKeys; // 0 unknown, 1 no, 2 maybe
    private (string Name, FhirPathValue[] Values)[]? _memo;
    private const int MaxMemoEntries = 64;

    /// <summary>
    /// Set on inputs meant for repeated evaluation (fact-tree variables, <see cref="FhirPathInput.Prepare"/>): their
    /// member navigations are remembered, as the JSON cannot change. Children of a persistent element are persistent.
    /// </summary>
    internal bool Persistent { get; set; }

    internal FhirPathValue[]? FindMemo(string name)
    {
        var memo = Volatile.Read(ref _memo);
        if (memo is null)
            return null;
        foreach (var (entryName, values) in memo)
        {
            if (ReferenceEquals(entryName, name) || string.Equals(entryName, name, StringComparison.Ordinal))
                return values;
        }
        return null;
    }

    /// <summary>Copy-on-write, so concurrent readers always see a complete array; a lost race only repeats work.</summary>
    internal void AddMemo(string name, FhirPathValue[] values)
    {
        var old = Volatile.Read(ref _memo);
        if (old is { Length: >= MaxMemoEntries })
            return;
        (string, FhirPathValue[])[] updated = old is null ? [(name, values)] : [.. old, (name, values)];
        Interlocked.CompareExchange(ref _memo, updated, old);
    }

    /// <summary>
    /// False when no key of this object (or anything inside it) starts with '_', so no primitive extension lookups are
    /// needed. Checked on the raw text of small objects only; larger ones always answer true.
    /// </summary>
    internal bool MayHaveUnderscoreKeys
    {
        get
        {
            if (_underscoreKeys == 0)
            {
                var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(Element);
                _underscoreKeys = raw.Length <= 2048 && raw.IndexOf("\"_"u8) < 0 ? 1 : 2;
            }
            return _underscoreKeys == 2;
        }
    }

    /// <summary>True for a FHIR primitive that has only an id/extension (<c>_given</c>) and no value.</summary>
    public bool IsValuelessPrimitive { get; init; }
    public override string TypeName => FhirType ?? "Object";
    public override void WriteJson(Utf8JsonWriter writer) => Element.WriteTo(writer);
    public override string ToString() => Element.GetRawText();
}
