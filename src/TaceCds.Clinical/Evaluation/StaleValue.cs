using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;

namespace TaceCds.Clinical.Evaluation;

/// <summary>
/// The latest value of an input, set aside because it is outside the recency rule of the score that wanted it
/// (clinical-reference.md §5 "Recency"). <see cref="Reason"/> names the input, its date and the limit, in clinical words.
/// </summary>
public sealed record StaleValue(FactKind Kind, ObservationFact Fact, string Reason);
