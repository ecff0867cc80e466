using System.Globalization;
using System.Text;

namespace TaceCds.FhirPath.Syntax;

/// <summary>Splits FHIRPath text into tokens (FHIRPath N1 grammar, lexer rules), skipping whitespace and comments.</summary>
internal sealed class Tokenizer
{
    private static readonly string[] TwoCharSymbols = ["<=", ">=", "!=", "!~"];
    private const string OneCharSymbols = ".[](){},+-*/&|=~<>";

    private readonly string _text;
    private int _pos;

    private Tokenizer(string text) => _text = text;

    public static List<Token> Tokenize(string text)
    {
        var tokenizer = new Tokenizer(text);
        var tokens = new List<Token>();
        while (true)
        {
            var token = tokenizer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
                return tokens;
        }
    }

    private Token Next()
    {
        var token = NextCore();
        return token with { End = _pos };
    }

    private Token NextCore()
    {
        SkipWhitespaceAndComments();
        if (_pos >= _text.Length)
            return new Token(TokenKind.End, "", _pos);
        var start = _pos;
        var c = _text[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
            return new Token(TokenKind.Identifier, ReadIdentifier(), start);
        if (char.IsAsciiDigit(c))
            return new Token(TokenKind.Number, ReadNumber(), start);
        switch (c)
        {
            case '\'':
                return new Token(TokenKind.String, ReadQuoted('\''), start);
            case '`':
                return new Token(TokenKind.DelimitedIdentifier, ReadQuoted('`'), start);
            case '@':
                return ReadDateTime(start);
            case '%':
                _pos++;
                if (_pos < _text.Length && _text[_pos] is '`' or '\'')
                    return new Token(TokenKind.Variable, ReadQuoted(_text[_pos]), start);
                if (_pos < _text.Length && (char.IsAsciiLetter(_text[_pos]) || _text[_pos] == '_'))
                    return new Token(TokenKind.Variable, ReadIdentifier(), start);
                throw new FhirPathException(FhirPathErrorCodes.Syntax, "'%' must be followed by a variable name", start);
            case '$':
                _pos++;
                var name = _pos < _text.Length && char.IsAsciiLetter(_text[_pos]) ? ReadIdentifier() : "";
                if (name is not ("this" or "index" or "total"))
                    throw new FhirPathException(FhirPathErrorCodes.Syntax, $"unknown special variable '${name}'", start);
                return new Token(TokenKind.Special, name, start);
        }
        foreach (var symbol in TwoCharSymbols)
        {
            if (string.CompareOrdinal(_text, _pos, symbol, 0, 2) == 0)
            {
                _pos += 2;
                return new Token(TokenKind.Symbol, symbol, start);
            }
        }
        if (OneCharSymbols.Contains(c))
        {
            _pos++;
            return new Token(TokenKind.Symbol, c.ToString(), start);
        }
        throw new FhirPathException(FhirPathErrorCodes.Syntax, $"unexpected character '{c}'", start);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                    _pos++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                    throw new FhirPathException(FhirPathErrorCodes.Unterminated, "comment is not terminated", _pos);
                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private string ReadIdentifier()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            _pos++;
        return _text[start.._pos];
    }

    private string ReadNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            _pos++;
        // A '.' belongs to the number only when a digit follows: "1.toString()" is an invocation on 1.
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                _pos++;
        }
        return _text[start.._pos];
    }

    private string ReadQuoted(char quote)
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos++];
            if (c == quote)
                return sb.ToString();
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
                break;
            var e = _text[_pos++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (_pos + 4 > _text.Length || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        throw new FhirPathException(FhirPathErrorCodes.BadLiteral, "malformed \\u escape", _pos - 2);
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default: sb.Append(e); break; // \' \" \` \\ \/ and any other escaped character stand for themselves
            }
        }
        throw new FhirPathException(FhirPathErrorCodes.Unterminated, quote == '`' ? "quoted identifier is not terminated" : "string is not terminated", start);
    }

    private Token ReadDateTime(int start)
    {
        _pos++;
        var bodyStart = _pos;
        if (Peek(0) == 'T')
        {
            _pos++;
            ReadTimePart(start);
            return new Token(TokenKind.Time, _text[(bodyStart + 1).._pos], start);
        }
        ReadDigits(4, start);
        if (Peek(0) == '-' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            ReadDigits(2, start);
            if (Peek(0) == '-' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                ReadDigits(2, start);
            }
        }
        if (Peek(0) == 'T')
        {
            _pos++;
            if (char.IsAsciiDigit(Peek(0)))
                ReadTimePart(start);
            if (Peek(0) == 'Z')
            {
                _pos++;
            }
            else if (Peek(0) is '+' or '-' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                ReadDigits(2, start);
                Expect(':', start);
                ReadDigits(2, start);
            }
            return new Token(TokenKind.DateTime, _text[bodyStart.._pos], start);
        }
        return new Token(TokenKind.DateTime, _text[bodyStart.._pos], start);
    }

    private void ReadTimePart(int start)
    {
        ReadDigits(2, start);
        if (Peek(0) == ':' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            ReadDigits(2, start);
            if (Peek(0) == ':' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                ReadDigits(2, start);
                if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
                {
                    _pos++;
                    while (char.IsAsciiDigit(Peek(0)))
                        _pos++;
                }
            }
        }
    }

    private void ReadDigits(int count, int start)
    {
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiDigit(Peek(0)))
                throw new FhirPathException(FhirPathErrorCodes.BadLiteral, "malformed date/time literal", start);
            _pos++;
        }
    }

    private void Expect(char c, int start)
    {
        if (Peek(0) != c)
            throw new FhirPathException(FhirPathErrorCodes.BadLiteral, "malformed date/time literal", start);
        _pos++;
    }
}
