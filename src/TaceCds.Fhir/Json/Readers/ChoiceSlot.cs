using System.Text.Json;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>
/// One choice element (<c>value[x]</c>, <c>effective[x]</c>, …) of the object being read. A property is a value
/// of the slot when it is the prefix followed by an R4 datatype suffix (<see cref="R4DataTypes"/>); a second
/// such property is JSON107. Types outside the model (SampledData, Timing, …) count as the value but are
/// only kept in Resource.Json (<see cref="Value"/> stays null). Which types an element allows is not checked.
/// </summary>
internal sealed class ChoiceSlot(string prefix)
{
    private string? _seenProperty;

    public Element? Value { get; private set; }

    /// <summary>Reads <paramref name="p"/> if it belongs to this slot (the cursor is already on it).</summary>
    public bool TryRead(JsonCursor c, JsonProperty p)
    {
        var name = p.Name;
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal)) return false;
        if (!R4DataTypes.BySuffix.TryGetValue(name[prefix.Length..], out var typeName)) return false;
        if (_seenProperty is not null)
        {
            // Neither value is trusted: when the error is recovered from, the element is unknown, not the first one seen.
            Value = null;
            throw c.Error(FhirJsonErrorCodes.DuplicateChoice, $"{prefix}[x] has two values: {_seenProperty} and {name}");
        }
        _seenProperty = name;
        Value = ChoiceValueReader.Read(c, p.Value, typeName);
        return true;
    }
}
