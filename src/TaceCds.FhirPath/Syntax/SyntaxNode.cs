using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Syntax;

/// <summary>Immutable abstract syntax tree. Start/End are character offsets into the source text.</summary>
internal abstract record SyntaxNode(int Start, int End);

/// <summary>A literal value; <c>{}</c> is a literal with no value.</summary>
internal sealed record LiteralNode(FhirPathValue? Value, int Start, int End) : SyntaxNode(Start, End);

/// <summary>A name evaluated against the input: a member, or the type name of the root resource.</summary>
internal sealed record MemberNode(SyntaxNode? Target, string Name, int Start, int End) : SyntaxNode(Start, End);

internal sealed record FunctionNode(SyntaxNode? Target, string Name, IReadOnlyList<SyntaxNode> Arguments, int Start, int End)
    : SyntaxNode(Start, End);

internal sealed record IndexerNode(SyntaxNode Target, SyntaxNode Index, int Start, int End) : SyntaxNode(Start, End);

internal sealed record UnaryNode(string Operator, SyntaxNode Operand, int Start, int End) : SyntaxNode(Start, End);

internal sealed record BinaryNode(string Operator, SyntaxNode Left, SyntaxNode Right, int Start, int End) : SyntaxNode(Start, End);

/// <summary><c>x is T</c> / <c>x as T</c> with a (possibly qualified) type name.</summary>
internal sealed record TypeOperatorNode(string Operator, SyntaxNode Operand, string TypeName, int Start, int End) : SyntaxNode(Start, End);

internal sealed record VariableNode(string Name, int Start, int End) : SyntaxNode(Start, End);

/// <summary><c>$this</c>, <c>$index</c> or <c>$total</c>.</summary>
internal sealed record SpecialNode(string Name, int Start, int End) : SyntaxNode(Start, End);
