namespace TaceCds.FhirPath.Syntax;

internal enum TokenKind
{
    End,
    Identifier,
    DelimitedIdentifier,
    String,
    Number,
    DateTime,
    Time,
    Variable,
    Special,
    Symbol,
}

/// <summary>One lexical token. <see cref="Text"/> is the decoded value (string contents, identifier name...).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    /// <summary>Offset just past the token's last character.</summary>
    public int End { get; init; }

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && Text == keyword;

    public override string ToString() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
