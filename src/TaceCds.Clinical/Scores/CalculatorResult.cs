namespace TaceCds.Clinical.Scores;

/// <summary>
/// What every calculator result says about its own completeness. A result is never silently partial:
/// either <see cref="IsComputable"/> is true, or <see cref="Missing"/> / <see cref="Problems"/> say why not.
/// Some results still carry a decided answer (a class, a stage, a band) when the inputs that are known
/// already fix it; each result type documents which of its members can be decided that way.
/// </summary>
public abstract record CalculatorResult
{
    /// <summary>Names (from <see cref="InputNames"/>) of absent inputs that could change the answer, in input order.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>Inputs present but unusable (negative, zero divisor, out of range). A calculator gives no value when it has a problem; <see cref="ChildPughReconciliation"/> may still fall back to a reported score and keeps the problems for display.</summary>
    public IReadOnlyList<InputProblem> Problems { get; init; } = [];

    /// <summary>True when the calculator's main value is available.</summary>
    public abstract bool IsComputable { get; }
}
