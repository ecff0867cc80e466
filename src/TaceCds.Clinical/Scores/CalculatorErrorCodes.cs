namespace TaceCds.Clinical.Scores;

/// <summary>
/// Stable codes for input a calculator cannot use. They appear in <see cref="InputProblem.Code"/>,
/// on cards and in reports, so a code is never renumbered or reused for another meaning.
/// </summary>
public static class CalculatorErrorCodes
{
    /// <summary>A quantity that cannot be negative (a concentration, a count, a size) is negative.</summary>
    public const string NegativeValue = "CALC101";

    /// <summary>A value must be strictly positive: a divisor, the argument of a logarithm, a tumor size.</summary>
    public const string NotPositive = "CALC102";

    /// <summary>An integer is outside its defined range (ECOG PS 0–4, Child-Pugh points 5–15, tumor count ≥ 1).</summary>
    public const string OutOfRange = "CALC103";

    /// <summary>The patient is outside the population the score was defined for (e.g. ABCR with BCLC 0 or D).</summary>
    public const string NotApplicable = "CALC104";

    /// <summary>A coded value is not one the calculator knows (an undefined enum value, an unknown stage string).</summary>
    public const string UnrecognizedValue = "CALC105";

    /// <summary>The inputs are valid one by one but the result exceeds the decimal range (absurdly large or small values).</summary>
    public const string ResultOutOfRange = "CALC106";
}
