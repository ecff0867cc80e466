using System.Globalization;
using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Syntax;

/// <summary>
/// Recursive-descent parser for FHIRPath N1 with the spec's operator precedence (highest first): invocation and
/// indexer; unary +/-; * / div mod; + - &amp;; is as; |; comparison; equality; in contains; and; or xor; implies.
/// Nesting is bounded (<see cref="MaxDepth"/>) so hostile input fails with FP104 instead of overflowing the stack.
/// </summary>
internal sealed class Parser
{
    public const int MaxDepth = 256;
    public const int MaxLength = 64 * 1024;

    private static readonly HashSet<string> CalendarUnits =
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    ];

    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static SyntaxNode Parse(string text)
    {
        if (text.Length > MaxLength)
            throw new FhirPathException(FhirPathErrorCodes.TooLong, $"expression is longer than {MaxLength} characters", MaxLength);
        var parser = new Parser(Tokenizer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
            throw new FhirPathException(FhirPathErrorCodes.Syntax, "expression is empty", 0);
        var node = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.End)
            throw new FhirPathException(FhirPathErrorCodes.Syntax, $"unexpected {parser.Current}", parser.Current.Position);
        SyntaxDepth.Check(node, MaxDepth * 4);
        return node;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private static int Precedence(Token token)
    {
        if (token.Kind == TokenKind.Symbol)
        {
            return token.Text switch
            {
                "*" or "/" => 10,
                "+" or "-" or "&" => 9,
                "|" => 7,
                "<" or ">" or "<=" or ">=" => 6,
                "=" or "~" or "!=" or "!~" => 5,
                _ => -1,
            };
        }
        if (token.Kind != TokenKind.Identifier)
            return -1;
        return token.Text switch
        {
            "div" or "mod" => 10,
            "is" or "as" => 8,
            "in" or "contains" => 4,
            "and" => 3,
            "or" or "xor" => 2,
            "implies" => 1,
            _ => -1,
        };
    }

    private SyntaxNode ParseExpression(int minPrecedence)
    {
        if (++_depth > MaxDepth)
            throw new FhirPathException(FhirPathErrorCodes.TooDeep, $"expression nests deeper than {MaxDepth} levels", Current.Position);
        var left = ParseUnary();
        while (true)
        {
            var op = Current;
            var precedence = Precedence(op);
            if (precedence < 0 || precedence < minPrecedence)
                break;
            Advance();
            if (precedence == 8)
            {
                var typeName = ParseQualifiedName();
                left = new TypeOperatorNode(op.Text, left, typeName, left.Start, _tokens[_index - 1].End);
                continue;
            }
            if (Current.Kind == TokenKind.End)
                throw new FhirPathException(FhirPathErrorCodes.Syntax, $"operator '{op.Text}' needs a right operand", Current.Position);
            var right = ParseExpression(precedence + 1);
            left = new BinaryNode(op.Text, left, right, left.Start, right.End);
        }
        _depth--;
        return left;
    }

    private SyntaxNode ParseUnary()
    {
        var token = Current;
        if (token.IsSymbol("+") || token.IsSymbol("-"))
        {
            if (++_depth > MaxDepth)
                throw new FhirPathException(FhirPathErrorCodes.TooDeep, $"expression nests deeper than {MaxDepth} levels", token.Position);
            Advance();
            var operand = ParseUnary();
            _depth--;
            return new UnaryNode(token.Text, operand, token.Position, operand.End);
        }
        return ParsePostfix(ParseTerm());
    }

    private SyntaxNode ParsePostfix(SyntaxNode node)
    {
        while (true)
        {
            if (Current.IsSymbol("."))
            {
                Advance();
                var name = Current;
                if (name.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
                    throw new FhirPathException(FhirPathErrorCodes.Syntax, $"expected a name after '.', found {name}", name.Position);
                Advance();
                node = Current.IsSymbol("(")
                    ? ParseFunction(node, name)
                    : new MemberNode(node, name.Text, node.Start, EndOf(name));
            }
            else if (Current.IsSymbol("["))
            {
                Advance();
                var index = ParseExpression(0);
                var close = Expect("]");
                node = new IndexerNode(node, index, node.Start, close.Position + 1);
            }
            else
            {
                return node;
            }
        }
    }

    private SyntaxNode ParseTerm()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return ParseNumberOrQuantity(token);
            case TokenKind.String:
                Advance();
                return new LiteralNode(new StringValue(token.Text), token.Position, EndOf(token));
            case TokenKind.DateTime:
                Advance();
                return new LiteralNode(ParseDateTimeLiteral(token), token.Position, EndOf(token));
            case TokenKind.Time:
                Advance();
                if (!PartialDateTime.TryParseTime(token.Text, out var time))
                    throw new FhirPathException(FhirPathErrorCodes.BadLiteral, $"invalid time literal '@T{token.Text}'", token.Position);
                return new LiteralNode(new TimeValue(time), token.Position, EndOf(token));
            case TokenKind.Variable:
                Advance();
                return new VariableNode(token.Text, token.Position, EndOf(token));
            case TokenKind.Special:
                Advance();
                return new SpecialNode(token.Text, token.Position, EndOf(token));
            case TokenKind.Identifier when token.Text is "true" or "false":
                Advance();
                return new LiteralNode(BooleanValue.Of(token.Text == "true"), token.Position, EndOf(token));
            case TokenKind.Identifier or TokenKind.DelimitedIdentifier:
                Advance();
                return Current.IsSymbol("(") ? ParseFunction(null, token) : new MemberNode(null, token.Text, token.Position, EndOf(token));
            case TokenKind.Symbol when token.Text == "(":
            {
                Advance();
                var inner = ParseExpression(0);
                Expect(")");
                return inner;
            }
            case TokenKind.Symbol when token.Text == "{":
            {
                Advance();
                var close = Expect("}");
                return new LiteralNode(null, token.Position, close.Position + 1);
            }
            case TokenKind.End:
                throw new FhirPathException(FhirPathErrorCodes.Syntax, "unexpected end of expression", token.Position);
            default:
                throw new FhirPathException(FhirPathErrorCodes.Syntax, $"unexpected {token}", token.Position);
        }
    }

    private SyntaxNode ParseFunction(SyntaxNode? target, Token name)
    {
        Expect("(");
        var args = new List<SyntaxNode>();
        if (!Current.IsSymbol(")"))
        {
            while (true)
            {
                args.Add(ParseExpression(0));
                if (!Current.IsSymbol(","))
                    break;
                Advance();
            }
        }
        var close = Expect(")");
        return new FunctionNode(target, name.Text, args, target?.Start ?? name.Position, close.Position + 1);
    }

    private SyntaxNode ParseNumberOrQuantity(Token number)
    {
        FhirPathValue value;
        if (number.Text.Contains('.'))
        {
            if (!decimal.TryParse(number.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
                throw new FhirPathException(FhirPathErrorCodes.BadLiteral, $"decimal literal '{number.Text}' is out of range", number.Position);
            value = new DecimalValue(d);
        }
        else if (long.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l <= int.MaxValue)
        {
            value = new IntegerValue(l);
        }
        else
        {
            throw new FhirPathException(FhirPathErrorCodes.BadLiteral, $"integer literal '{number.Text}' is out of range", number.Position);
        }
        var unit = Current;
        if (unit.Kind == TokenKind.String || (unit.Kind == TokenKind.Identifier && CalendarUnits.Contains(unit.Text)))
        {
            Advance();
            var amount = value is IntegerValue i ? i.Value : ((DecimalValue)value).Value;
            var quantity = unit.Kind == TokenKind.String
                ? new QuantityValue(amount, unit.Text, false)
                : new QuantityValue(amount, unit.Text.TrimEnd('s'), true);
            return new LiteralNode(quantity, number.Position, EndOf(unit));
        }
        return new LiteralNode(value, number.Position, EndOf(number));
    }

    private static FhirPathValue ParseDateTimeLiteral(Token token)
    {
        if (!token.Text.Contains('T') && PartialDateTime.TryParseDate(token.Text, out var date))
            return new DateValue(date);
        if (PartialDateTime.TryParseDateTime(token.Text, out var dateTime))
            return new DateTimeValue(dateTime);
        throw new FhirPathException(FhirPathErrorCodes.BadLiteral, $"invalid date/time literal '@{token.Text}'", token.Position);
    }

    private string ParseQualifiedName()
    {
        var parts = new List<string>();
        while (true)
        {
            var token = Current;
            if (token.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
                throw new FhirPathException(FhirPathErrorCodes.BadTypeSpecifier, $"expected a type name, found {token}", token.Position);
            Advance();
            parts.Add(token.Text);
            if (!Current.IsSymbol(".") || _tokens[_index + 1].Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
                return string.Join('.', parts);
            Advance();
        }
    }

    private Token Expect(string symbol)
    {
        var token = Current;
        if (!token.IsSymbol(symbol))
            throw new FhirPathException(FhirPathErrorCodes.Syntax, $"expected '{symbol}', found {token}", token.Position);
        return Advance();
    }

    private static int EndOf(Token token) => token.End;
}
