using System.Text.Json;

namespace TaceCds.FhirPath.Values;

/// <summary>Date, DateTime and Time share a partial representation.</summary>
public abstract class TemporalValue(PartialDateTime value) : FhirPathValue
{
    public PartialDateTime Value { get; } = value;
    public override void WriteJson(Utf8JsonWriter writer) => writer.WriteStringValue(ToString());
}

public sealed class DateValue(PartialDateTime value) : TemporalValue(value)
{
    public override string TypeName => "Date";
    public override string ToString() => Value.Format();
}

public sealed class DateTimeValue(PartialDateTime value) : TemporalValue(value)
{
    public override string TypeName => "DateTime";
    public override string ToString() => Value.Format();
}

public sealed class TimeValue(PartialDateTime value) : TemporalValue(value)
{
    public override string TypeName => "Time";
    public override string ToString() => Value.Format();
}
