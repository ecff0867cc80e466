namespace TaceCds.Clinical.Facts;

/// <summary>Which statuses are used, flagged or ignored (input-data contract, "Status").</summary>
public static class StatusPolicy
{
    public enum Use { Use, UseFlagged, Ignore, NotYet }

    public static Use ForObservation(string? status) => status switch
    {
        "final" or "amended" or "corrected" => Use.Use,
        "preliminary" => Use.UseFlagged,
        _ => Use.Ignore, // registered, cancelled, entered-in-error, unknown, or missing
    };

    public static Use ForProcedure(string? status) => status switch
    {
        "completed" => Use.Use,
        "in-progress" or "preparation" => Use.NotYet,
        _ => Use.Ignore, // entered-in-error, not-done, on-hold, stopped, unknown, or missing
    };

    public static bool ImagingStudyUsable(string? status) => status is not ("entered-in-error" or "cancelled");

    public static bool ConditionUsable(string? verificationStatus) => verificationStatus is not ("entered-in-error" or "refuted");

    public static bool MedicationUsable(string? status) =>
        status is not ("entered-in-error" or "not-taken" or "cancelled" or "draft" or "unknown");
}
