namespace TaceCds.Clinical.Scores;

/// <summary>
/// Why an input that is present still cannot be used.
/// </summary>
/// <param name="Code">A stable code from <see cref="CalculatorErrorCodes"/>.</param>
/// <param name="Input">Where the problem is: the input's name from <see cref="InputNames"/>.</param>
/// <param name="Message">A sentence a clinician or integrator can act on.</param>
public sealed record InputProblem(string Code, string Input, string Message);
