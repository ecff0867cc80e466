using System.Globalization;
using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>
/// A FHIRPath Quantity. <see cref="Unit"/> is a UCUM code (e.g. <c>mg</c>, <c>'1'</c> is "1") or, when
/// <see cref="IsCalendar"/>, one of the calendar duration keywords (year, month, week, day, hour, minute,
/// second, millisecond) in singular form.
/// </summary>
public sealed class QuantityValue(decimal value, string unit, bool isCalendar) : FhirPathValue
{
    public decimal Value { get; } = value;
    public string Unit { get; } = unit;
    public bool IsCalendar { get; } = isCalendar;
    public override string TypeName => "Quantity";

    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(ToString());

    public override string ToString()
    {
        var number = Value.ToString(CultureInfo.InvariantCulture);
        if (!IsCalendar)
            return $"{number} '{Unit}'";
        return number + " " + (Value == 1 ? Unit : Unit + "s");
    }
}
