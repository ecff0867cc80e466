using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Model;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// Whether a value was drawn before a procedure, time-aware on the procedure's day (clinical-reference.md §5): a value
/// drawn after the procedure's time that day is not "before" it. When the value or the procedure has no time, a
/// same-day value is taken as drawn before (pre-procedure work-up is drawn that morning); the score states it.
/// </summary>
public static class ProcedureTiming
{
    public const string SameDayAssumption = "a same-day value without a time is taken as drawn before the procedure";

    public static bool DrawnBefore(ObservationFact value, TherapyFact procedure)
    {
        if (value.Date != procedure.Date) return value.Date < procedure.Date;
        return Instant(value.EffectiveText) is not { } drawn || Instant(procedure.PerformedText) is not { } performed || drawn <= performed;
    }

    /// <summary>The instant written, only when it has a time of day.</summary>
    private static DateTimeOffset? Instant(string? text) =>
        FhirDateTime.TryParse(text, out var value) && value!.Precision is DateTimePrecision.Minute or DateTimePrecision.Second
            ? value.Start
            : null;
}
