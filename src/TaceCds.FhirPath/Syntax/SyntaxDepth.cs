namespace TaceCds.FhirPath.Syntax;

/// <summary>
/// Rejects trees deeper than a bound. Long left-associative chains (<c>a.b.c...</c>, <c>1+1+1...</c>) are parsed
/// by loops but still yield deep trees, and the compiler recurses over the tree: check depth without recursion.
/// </summary>
internal static class SyntaxDepth
{
    public static void Check(SyntaxNode root, int maxDepth)
    {
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > maxDepth)
                throw new FhirPathException(FhirPathErrorCodes.TooDeep, $"expression nests deeper than {maxDepth} levels", node.Start);
            foreach (var child in Children(node))
                stack.Push((child, depth + 1));
        }
    }

    public static IEnumerable<SyntaxNode> Children(SyntaxNode node)
    {
        switch (node)
        {
            case MemberNode { Target: { } t }:
                yield return t;
                break;
            case FunctionNode f:
                if (f.Target is { } ft)
                    yield return ft;
                foreach (var a in f.Arguments)
                    yield return a;
                break;
            case IndexerNode i:
                yield return i.Target;
                yield return i.Index;
                break;
            case UnaryNode u:
                yield return u.Operand;
                break;
            case BinaryNode b:
                yield return b.Left;
                yield return b.Right;
                break;
            case TypeOperatorNode t:
                yield return t.Operand;
                break;
        }
    }
}
