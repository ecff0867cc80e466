using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Evaluation;

/// <summary>What <c>$this</c>, <c>$index</c>, <c>$total</c> and <c>%context</c> mean at one point of an evaluation.</summary>
internal sealed class EvaluationScope
{
    public EvaluationScope(FhirPathContext context, IReadOnlyList<FhirPathValue> root, IReadOnlyList<FhirPathValue> resource,
        IReadOnlyList<FhirPathValue> rootResource)
    {
        Context = context;
        This = root;
        Root = root;
        Resource = resource;
        RootResource = rootResource;
        Scratch = ScratchLists.ForCurrentThread();
    }

    private EvaluationScope(EvaluationScope parent, IReadOnlyList<FhirPathValue> @this, int index, IReadOnlyList<FhirPathValue>? total)
    {
        Context = parent.Context;
        Root = parent.Root;
        Resource = parent.Resource;
        RootResource = parent.RootResource;
        Scratch = parent.Scratch;
        This = @this;
        Index = index;
        Total = total;
    }

    public FhirPathContext Context { get; }

    /// <summary>This thread's scratch lists for path navigation, fetched once per evaluation.</summary>
    public ScratchLists Scratch { get; }
    public IReadOnlyList<FhirPathValue> Root { get; }
    public IReadOnlyList<FhirPathValue> Resource { get; }
    public IReadOnlyList<FhirPathValue> RootResource { get; }
    public IReadOnlyList<FhirPathValue> This { get; private set; }
    public int Index { get; private set; }
    public IReadOnlyList<FhirPathValue>? Total { get; private set; }

    /// <summary>
    /// Re-points a lambda scope at the next item. Safe because evaluation is synchronous and nothing keeps a scope
    /// once an item's evaluation has returned; it saves one allocation per item in where/select/exists/all.
    /// </summary>
    internal void MoveTo(IReadOnlyList<FhirPathValue> @this, int index, IReadOnlyList<FhirPathValue>? total)
    {
        This = @this;
        Index = index;
        Total = total;
    }

    public EvaluationScope ForItem(FhirPathValue item, int index, IReadOnlyList<FhirPathValue>? total = null) =>
        new(this, [item], index, total);

    /// <summary>A scope whose $this is <paramref name="single"/> (a one-item collection the caller also uses as focus).</summary>
    public EvaluationScope ForItems(IReadOnlyList<FhirPathValue> single, int index, IReadOnlyList<FhirPathValue>? total) =>
        new(this, single, index, total);
}
