using System.Globalization;

namespace TaceCds.Clinical.Scores;

/// <summary>
/// Collects, for one calculation, which inputs are absent and which are present but unusable.
/// Each method returns the value when it is usable and null otherwise, so a calculator can never
/// use an input it has not checked, and an absent input is never read as normal.
/// </summary>
internal sealed class InputCheck
{
    private readonly List<string> _missing = [];
    private readonly List<InputProblem> _problems = [];

    public IReadOnlyList<string> Missing => _missing;
    public IReadOnlyList<InputProblem> Problems => _problems;
    public bool HasProblems => _problems.Count > 0;
    public bool IsComplete => _missing.Count == 0 && _problems.Count == 0;

    public T? Present<T>(T? value, string name) where T : struct
    {
        if (value is null) _missing.Add(name);
        return value;
    }

    public decimal? NonNegative(decimal? value, string name)
    {
        if (Present(value, name) is not { } v) return null;
        if (v >= 0m) return v;
        Problem(CalculatorErrorCodes.NegativeValue, name, $"{name} must not be negative (was {Format(v)}).");
        return null;
    }

    public decimal? Positive(decimal? value, string name)
    {
        if (Present(value, name) is not { } v) return null;
        if (v > 0m) return v;
        Problem(CalculatorErrorCodes.NotPositive, name, $"{name} must be greater than zero (was {Format(v)}).");
        return null;
    }

    public int? InRange(int? value, string name, int min, int max)
    {
        if (Present(value, name) is not { } v) return null;
        if (v >= min && v <= max) return v;
        var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
        Problem(CalculatorErrorCodes.OutOfRange, name, $"{name} must be {range} (was {v}).");
        return null;
    }

    public T? Defined<T>(T? value, string name) where T : struct, Enum
    {
        if (Present(value, name) is not { } v) return null;
        if (Enum.IsDefined(v)) return v;
        Problem(CalculatorErrorCodes.UnrecognizedValue, name, $"{name} has no defined meaning for value {v}.");
        return null;
    }

    /// <summary>Runs a decimal computation, turning an overflow into a CALC106 problem on <paramref name="name"/>.</summary>
    public decimal? Guard(Func<decimal> compute, string name)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            Problem(CalculatorErrorCodes.ResultOutOfRange, name, $"{name} is out of range: the result exceeds the decimal range.");
            return null;
        }
    }

    public void Absent(string name) => _missing.Add(name);

    public void Problem(string code, string name, string message) => _problems.Add(new InputProblem(code, name, message));

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
