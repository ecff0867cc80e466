using System.Collections.Concurrent;
using System.Globalization;

namespace TaceCds.FhirPath.Units;

/// <summary>
/// A UCUM unit reduced to a factor times base-unit powers, so that quantities in different units can be compared
/// (<c>4 'g' = 4000 'mg'</c>, <c>7 'd' = 1 'wk'</c>). Covers the UCUM metric prefixes and the atoms clinical data
/// uses; unknown atoms make the unit unknown (comparisons then return empty). Source for every factor:
/// The Unified Code for Units of Measure, https://ucum.org/ucum (tables of base, derived and customary units).
/// </summary>
internal sealed record UcumUnit(decimal Factor, Dimensions Dimensions)
{
    private static readonly ConcurrentDictionary<string, UcumUnit?> Cache = new(StringComparer.Ordinal);

    /// <summary>UCUM prefixes (ucum.org, table "prefixes").</summary>
    private static readonly (string Symbol, decimal Factor)[] Prefixes =
    [
        ("da", 10m), ("Y", 1e24m), ("Z", 1e21m), ("E", 1e18m), ("P", 1e15m), ("T", 1e12m), ("G", 1e9m), ("M", 1e6m),
        ("k", 1e3m), ("h", 1e2m), ("d", 0.1m), ("c", 0.01m), ("m", 0.001m), ("u", 0.000001m), ("n", 1e-9m),
        ("p", 1e-12m), ("f", 1e-15m), ("a", 1e-18m),
    ];

    /// <summary>Atoms (ucum.org): factor relative to m, g, s, A, K, mol, cd and arbitrary units.</summary>
    private static readonly Dictionary<string, (decimal Factor, Dimensions Dims, bool Metric)> Atoms = new(StringComparer.Ordinal)
    {
        ["1"] = (1m, Dimensions.None, false),
        ["%"] = (0.01m, Dimensions.None, false),
        ["m"] = (1m, Dimensions.Of(m: 1), true),
        ["g"] = (1m, Dimensions.Of(g: 1), true),
        ["s"] = (1m, Dimensions.Of(s: 1), true),
        ["A"] = (1m, Dimensions.Of(a: 1), true),
        ["K"] = (1m, Dimensions.Of(k: 1), true),
        ["mol"] = (1m, Dimensions.Of(mol: 1), true),
        ["eq"] = (1m, Dimensions.Of(mol: 1), true),
        ["cd"] = (1m, Dimensions.Of(cd: 1), true),
        ["L"] = (0.001m, Dimensions.Of(m: 3), true),
        ["l"] = (0.001m, Dimensions.Of(m: 3), true),
        ["min"] = (60m, Dimensions.Of(s: 1), false),
        ["h"] = (3600m, Dimensions.Of(s: 1), false),
        ["d"] = (86400m, Dimensions.Of(s: 1), false),
        ["wk"] = (604800m, Dimensions.Of(s: 1), false),
        // Julian month and year: mo = a/12, a = 365.25 d.
        ["mo"] = (2629800m, Dimensions.Of(s: 1), false),
        ["a"] = (31557600m, Dimensions.Of(s: 1), false),
        ["Hz"] = (1m, Dimensions.Of(s: -1), true),
        ["Bq"] = (1m, Dimensions.Of(s: -1), true),
        ["N"] = (1000m, Dimensions.Of(m: 1, g: 1, s: -2), true),
        ["Pa"] = (1000m, Dimensions.Of(m: -1, g: 1, s: -2), true),
        ["J"] = (1000m, Dimensions.Of(m: 2, g: 1, s: -2), true),
        ["W"] = (1000m, Dimensions.Of(m: 2, g: 1, s: -3), true),
        ["Gy"] = (1m, Dimensions.Of(m: 2, s: -2), true),
        ["Sv"] = (1m, Dimensions.Of(m: 2, s: -2), true),
        ["m[Hg]"] = (133322000m, Dimensions.Of(m: -1, g: 1, s: -2), true),
        ["[in_i]"] = (0.0254m, Dimensions.Of(m: 1), false),
        ["[ft_i]"] = (0.3048m, Dimensions.Of(m: 1), false),
        ["[lb_av]"] = (453.59237m, Dimensions.Of(g: 1), false),
        ["[oz_av]"] = (28.349523125m, Dimensions.Of(g: 1), false),
        ["[iU]"] = (1m, Dimensions.Of(iu: 1), true),
        ["[IU]"] = (1m, Dimensions.Of(iu: 1), true),
        ["U"] = (0.000001m / 60m, Dimensions.Of(mol: 1, s: -1), true),
    };

    public static UcumUnit? Parse(string unit) => Cache.GetOrAdd(unit, static u => TryParse(u));

    private static UcumUnit? TryParse(string text)
    {
        // Real units are short; the bound also caps the parser's recursion on nested parentheses.
        if (text.Length > 256)
            return null;
        try
        {
            var factor = 1m;
            var dims = Dimensions.None;
            var sign = 1;
            var i = 0;
            if (text.StartsWith('/'))
            {
                sign = -1;
                i = 1;
            }
            while (i <= text.Length)
            {
                var end = i;
                while (end < text.Length && text[end] != '.' && text[end] != '/')
                {
                    if (text[end] == '(')
                        end = MatchingParen(text, end);
                    else if (text[end] == '[')
                        end = text.IndexOf(']', end) is var close && close < 0 ? text.Length : close;
                    else if (text[end] == '{')
                        end = text.IndexOf('}', end) is var close2 && close2 < 0 ? text.Length : close2;
                    end++;
                }
                if (Component(text[i..Math.Min(end, text.Length)]) is not { } c)
                    return null;
                factor = sign > 0 ? factor * c.Factor : factor / c.Factor;
                dims = dims.Add(c.Dimensions, sign);
                if (end >= text.Length)
                    break;
                sign = text[end] == '/' ? -1 : 1;
                i = end + 1;
            }
            return new UcumUnit(factor, dims);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static int MatchingParen(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return text.Length;
    }

    private static UcumUnit? Component(string text)
    {
        if (text.Length >= 2 && text[0] == '(' && text[^1] == ')')
            return TryParse(text[1..^1]);
        var brace = text.IndexOf('{');
        if (brace >= 0)
            text = text[..brace];
        if (text.Length == 0)
            return new UcumUnit(1m, Dimensions.None);
        if ((text.StartsWith("10*", StringComparison.Ordinal) || text.StartsWith("10^", StringComparison.Ordinal))
            && int.TryParse(text.AsSpan(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power))
            return new UcumUnit(Pow(10m, power), Dimensions.None);
        if (decimal.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return new UcumUnit(number, Dimensions.None);
        var expStart = text.Length;
        while (expStart > 0 && char.IsAsciiDigit(text[expStart - 1]))
            expStart--;
        if (expStart > 0 && text[expStart - 1] is '-' or '+')
            expStart--;
        var exponent = 1;
        if (expStart < text.Length && expStart > 0)
            exponent = int.Parse(text.AsSpan(expStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        else
            expStart = text.Length;
        if (Atom(text[..expStart]) is not { } atom)
            return null;
        return new UcumUnit(Pow(atom.Factor, exponent), Dimensions.None.Add(atom.Dimensions, exponent));
    }

    private static UcumUnit? Atom(string symbol)
    {
        if (Atoms.TryGetValue(symbol, out var atom))
            return new UcumUnit(atom.Factor, atom.Dims);
        foreach (var (prefix, factor) in Prefixes)
        {
            if (symbol.Length > prefix.Length && symbol.StartsWith(prefix, StringComparison.Ordinal)
                && Atoms.TryGetValue(symbol[prefix.Length..], out var rest) && rest.Metric)
                return new UcumUnit(factor * rest.Factor, rest.Dims);
        }
        return null;
    }

    private static decimal Pow(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
            result *= value;
        return exponent < 0 ? 1m / result : result;
    }
}

/// <summary>Powers of m, g, s, A, K, mol, cd and international units.</summary>
internal readonly record struct Dimensions(sbyte M, sbyte G, sbyte S, sbyte A, sbyte K, sbyte Mol, sbyte Cd, sbyte Iu)
{
    public static readonly Dimensions None = default;

    public static Dimensions Of(int m = 0, int g = 0, int s = 0, int a = 0, int k = 0, int mol = 0, int cd = 0, int iu = 0) =>
        new((sbyte)m, (sbyte)g, (sbyte)s, (sbyte)a, (sbyte)k, (sbyte)mol, (sbyte)cd, (sbyte)iu);

    public Dimensions Add(Dimensions other, int times) => Of(
        M + other.M * times, G + other.G * times, S + other.S * times, A + other.A * times,
        K + other.K * times, Mol + other.Mol * times, Cd + other.Cd * times, Iu + other.Iu * times);
}
