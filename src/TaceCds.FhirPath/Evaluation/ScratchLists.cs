using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Evaluation;

/// <summary>
/// Two per-thread lists that carry items between the steps of a member path. Navigation never calls back into the
/// evaluator or user code, so one pair per thread suffices; an evaluation fetches it once (thread-local access is
/// not free) and hands it down through its scopes.
/// </summary>
internal sealed class ScratchLists
{
    [ThreadStatic]
    private static ScratchLists? current;

    public List<FhirPathValue> A { get; } = new(16);
    public List<FhirPathValue> B { get; } = new(16);

    public static ScratchLists ForCurrentThread() => current ??= new ScratchLists();
}
