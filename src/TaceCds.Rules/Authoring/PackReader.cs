using System.Text.Json.Nodes;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TaceCds.Rules.Authoring;

/// <summary>Reads one rule-pack YAML file into a <see cref="PackDocument"/>, reporting every structural error with file:line.</summary>
internal static class PackReader
{
    public static readonly string[] EvidenceLevels = ["seed", "confirmed", "secondary"];
    public static readonly string[] Indicators = ["info", "warning", "critical"];
    public static readonly string[] SelectionBehaviors = ["at-most-one", "any"];
    public static readonly string[] ActionTypes = ["create", "update", "delete"];
    public static readonly string[] ExpectKeys = ["status", "applicable", "criteria", "values", "missing", "reasons", "assumptions", "cards", "indicators", "model"];

    public static PackDocument? Read(string file, string text, RuleDiagnostics diagnostics)
    {
        YamlStream stream = new();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            diagnostics.Add(RuleErrorCodes.YamlSyntax, new SourceMark(file, (int)e.Start.Line, (int)e.Start.Column), "YAML syntax error: " + Inner(e));
            return null;
        }
        if (stream.Documents.Count != 1)
        {
            diagnostics.Add(RuleErrorCodes.YamlSyntax, new SourceMark(file, 1, 1), $"a rule pack file holds exactly one YAML document, found {stream.Documents.Count}");
            return null;
        }
        var root = YamlMap.From(stream.Documents[0].RootNode, file, diagnostics, "a rule pack");
        return root is null ? null : ReadPack(root);
    }

    /// <summary>A vignette file: <c>pack: id</c> and <c>tests:</c> in the test-vector format, kept outside the pack.</summary>
    public static (string Pack, IReadOnlyList<VectorDocument> Tests)? ReadVignettes(string file, string text, RuleDiagnostics diagnostics)
    {
        YamlStream stream = new();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            diagnostics.Add(RuleErrorCodes.YamlSyntax, new SourceMark(file, (int)e.Start.Line, (int)e.Start.Column), "YAML syntax error: " + Inner(e));
            return null;
        }
        if (stream.Documents.Count != 1 || YamlMap.From(stream.Documents[0].RootNode, file, diagnostics, "a vignette file") is not { } m) return null;
        var pack = m.String("pack", required: true) ?? "";
        var tests = m.Maps("tests", required: true).Select(ReadVector).ToList();
        m.Finish();
        return (pack, tests);
    }

    private static string Inner(YamlException e) => (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");

    private static PackDocument ReadPack(YamlMap m)
    {
        var id = m.String("id", required: true) ?? "";
        var version = m.String("version", required: true) ?? "";
        var title = m.String("title", required: true) ?? "";
        var citation = ReadCitation(m.Map("citation", required: true));
        var evidence = m.Enum("evidence", EvidenceLevels, required: true, fallback: "secondary")!;
        var uses = new List<Located>();
        foreach (var node in m.List("uses"))
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } used }) uses.Add(new Located(used, m.MarkOf(node)));
            else m.Diagnostics.Add(RuleErrorCodes.WrongNodeKind, m.MarkOf(node), "'uses' lists pack ids (text)");
        }
        ApplicabilityDocument? applicability = null;
        if (m.Map("applicability") is { } a)
        {
            applicability = new ApplicabilityDocument(a.String("text", required: true) ?? "", Loc(a, "when"));
            a.Finish();
        }
        var defines = Named(m, "define");
        var tables = new List<(string, JsonNode?, SourceMark)>();
        if (m.Map("tables") is { } t)
        {
            foreach (var (name, node, mark) in t.Entries())
            {
                if (node is not YamlSequenceNode) m.Diagnostics.Add(RuleErrorCodes.WrongNodeKind, mark, $"table '{name}' must be a list of rows");
                tables.Add((name, YamlJson.ToJson(node), mark));
            }
        }
        var definition = m.Map("definition") is { } d ? ReadDefinition(d, title) : null;
        var model = m.Map("model") is { } mo ? ReadModel(mo) : null;
        var cards = m.Maps("cards").Select(ReadCard).ToList();
        var tests = m.Maps("tests").Select(ReadVector).ToList();
        m.Finish();
        return new PackDocument(m.File, m.Mark, id, version, title, citation, evidence, uses, applicability, defines, tables, definition, model, cards, tests);
    }

    internal static CitationDocument ReadCitation(YamlMap? c)
    {
        if (c is null) return new CitationDocument("", null, null);
        var doc = new CitationDocument(c.String("text", required: true) ?? "", c.String("url"), c.String("doi"));
        // Saying "no verified link" is a choice the author makes explicitly, never the result of forgetting the link.
        var noVerifiedLink = c.Bool("no-verified-link") == true;
        if (doc.Url is null && doc.Doi is null && !noVerifiedLink)
            c.Diagnostics.Add(RuleErrorCodes.MissingKey, c.Mark, "a citation needs 'url', 'doi' or 'no-verified-link: true'");
        if (doc.Url is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
            c.Diagnostics.Add(RuleErrorCodes.BadValue, c.Mark, $"citation url '{url}' is not an absolute URL");
        else if (doc.Url is { } search && CitationLinks.IsSearch(search))
            c.Diagnostics.Add(RuleErrorCodes.BadValue, c.Mark,
                $"citation url '{search}' is a search, not the publication: give a verified PubMed or DOI link (docs/citations.md), or 'no-verified-link: true'");
        c.Finish();
        return doc;
    }

    internal static Located? Loc(YamlMap m, string key, bool required = false) =>
        m.Located(key, required) is { } l ? new Located(l.Text, l.Mark) : null;

    /// <summary>A mapping of name → expression, in file order (defines, values, evidence).</summary>
    private static List<NamedExpression> Named(YamlMap m, string key)
    {
        var list = new List<NamedExpression>();
        if (m.Map(key) is not { } map) return list;
        foreach (var (name, node, mark) in map.Entries())
        {
            if (node is YamlScalarNode { Value: { } text })
                list.Add(new NamedExpression(name, new Located(text, map.MarkOf(node))));
            else
                m.Diagnostics.Add(RuleErrorCodes.WrongNodeKind, mark, $"'{key}.{name}' must be a FHIRPath expression (text)");
        }
        return list;
    }

    private static DefinitionDocument ReadDefinition(YamlMap d, string packTitle)
    {
        var doc = new DefinitionDocument(
            d.String("title") ?? packTitle,
            d.Enum("combine", ["all", "any"], fallback: "all")!,
            d.Maps("criteria", required: true).Select(ReadCriterion).ToList(),
            Named(d, "values"),
            d.Maps("notes").Select(ReadNote).ToList(),
            d.Maps("assumptions").Select(ReadNote).ToList(),
            Named(d, "evidence"));
        d.Finish();
        return doc;
    }

    private static CriterionDocument ReadCriterion(YamlMap c)
    {
        var requires = new List<Located>();
        if (c.Node("requires") is { } r)
        {
            if (r is YamlScalarNode { Value: { } one }) requires.Add(new Located(one, c.MarkOf(r)));
            else if (r is YamlSequenceNode seq)
                requires.AddRange(seq.Children.OfType<YamlScalarNode>().Select(s => new Located(s.Value ?? "", c.MarkOf(s))));
            else c.Diagnostics.Add(RuleErrorCodes.WrongNodeKind, c.MarkOf(r), "'requires' must be an expression or a list of expressions");
        }
        var doc = new CriterionDocument(c.String("id", required: true) ?? "", c.String("title", required: true) ?? "", c.Mark,
            requires, Loc(c, "when"), Loc(c, "met"), Loc(c, "not-met"), Loc(c, "missing"),
            c.Enum("indicator", Indicators), c.Enum("evidence", EvidenceLevels), c.Map("citation") is { } cite ? ReadCitation(cite) : null);
        if (doc.When is null && doc.Requires.Count == 0)
            c.Diagnostics.Add(RuleErrorCodes.MissingKey, c.Mark, $"criterion '{doc.Id}' needs 'when' or 'requires'");
        if (doc.Requires.Count > 0 && doc.Missing is null)
            c.Diagnostics.Add(RuleErrorCodes.MissingKey, c.Mark, $"criterion '{doc.Id}' has 'requires' but no 'missing' text saying what is missing");
        c.Finish();
        return doc;
    }

    private static NoteDocument ReadNote(YamlMap n)
    {
        var doc = new NoteDocument(Loc(n, "when"), Loc(n, "text"), Loc(n, "from"), n.Mark);
        if ((doc.Text is null) == (doc.From is null))
            n.Diagnostics.Add(RuleErrorCodes.MissingKey, n.Mark, "a note or assumption needs exactly one of 'text' or 'from'");
        n.Finish();
        return doc;
    }

    private static ModelDocument ReadModel(YamlMap m)
    {
        NamedExpression? key = null;
        if (m.Map("key") is { } k)
        {
            key = new NamedExpression(k.String("name", required: true) ?? "", Loc(k, "value", required: true) ?? new Located("", k.Mark));
            k.Finish();
        }
        var doc = new ModelDocument(m.Mark, Loc(m, "for-each"), m.String("as") ?? "item", key, Named(m, "define"),
            m.Maps("applicable").Select(ReadCriterion).ToList(),
            m.Map("logistic") is { } l ? ReadLogistic(l) : null,
            m.Map("relative-odds") is { } r ? ReadRelativeOdds(r) : null,
            m.Map("classify") is { } c ? ReadClassify(c) : null,
            m.Map("points") is { } p ? ReadPoints(p) : null,
            Named(m, "values"), m.String("population"), m.String("performance"));
        if (doc.ForEach is not null && doc.Key is null)
            m.Diagnostics.Add(RuleErrorCodes.MissingKey, m.Mark, "a model with 'for-each' needs a 'key' naming each item");
        m.Finish();
        return doc;
    }

    private static TermDocument ReadTerm(YamlMap t)
    {
        var name = t.String("name", required: true) ?? "";
        var ci = t.List("ci");
        double? low = null, high = null;
        if (ci.Count == 2 && ci[0] is YamlScalarNode a && ci[1] is YamlScalarNode b
            && double.TryParse(a.Value, System.Globalization.CultureInfo.InvariantCulture, out var lo)
            && double.TryParse(b.Value, System.Globalization.CultureInfo.InvariantCulture, out var hi))
            (low, high) = (lo, hi);
        else if (ci.Count != 0)
            t.Diagnostics.Add(RuleErrorCodes.BadValue, t.Mark, $"term '{name}': 'ci' must be [low, high]");
        var doc = new TermDocument(name, t.String("label") ?? name, Loc(t, "value", required: true) ?? new Located("", t.Mark), t.String("unit"),
            t.Number("coefficient"), t.Number("odds-ratio"), low, high, t.Number("reference") ?? 0, t.Mark);
        t.Finish();
        return doc;
    }

    private static LogisticDocument ReadLogistic(YamlMap l)
    {
        var doc = new LogisticDocument(l.String("output", required: true) ?? "", l.Number("intercept", required: true),
            l.Maps("terms", required: true).Select(ReadTerm).ToList(), l.Mark);
        foreach (var t in doc.Terms.Where(t => t.Coefficient is null))
            l.Diagnostics.Add(RuleErrorCodes.MissingKey, t.Mark, $"logistic term '{t.Name}' needs 'coefficient'");
        l.Finish();
        return doc;
    }

    private static RelativeOddsDocument ReadRelativeOdds(YamlMap r)
    {
        var doc = new RelativeOddsDocument(r.String("output", required: true) ?? "", r.String("probability-output"),
            r.Maps("terms", required: true).Select(ReadTerm).ToList(), r.Mark);
        foreach (var t in doc.Terms.Where(t => t.OddsRatio is not > 0))
            r.Diagnostics.Add(RuleErrorCodes.BadValue, t.Mark, $"relative-odds term '{t.Name}' needs a positive 'odds-ratio'");
        r.Finish();
        return doc;
    }

    private static ClassifyDocument ReadClassify(YamlMap c)
    {
        var cases = new List<(Located, string)>();
        foreach (var item in c.Maps("cases", required: true))
        {
            cases.Add((Loc(item, "when", required: true) ?? new Located("", item.Mark), item.String("value", required: true) ?? ""));
            item.Finish();
        }
        var doc = new ClassifyDocument(c.String("output", required: true) ?? "", cases, c.String("otherwise", required: true) ?? "");
        c.Finish();
        return doc;
    }

    private static PointsDocument ReadPoints(YamlMap p)
    {
        var items = new List<(string, Located, double)>();
        foreach (var item in p.Maps("items", required: true))
        {
            items.Add((item.String("name", required: true) ?? "", Loc(item, "when", required: true) ?? new Located("", item.Mark), item.Number("points", required: true) ?? 0));
            item.Finish();
        }
        var doc = new PointsDocument(p.String("output", required: true) ?? "", items);
        p.Finish();
        return doc;
    }

    private static CardDocument ReadCard(YamlMap c)
    {
        var id = c.String("id", required: true) ?? "";
        var suggestions = c.Maps("suggestions").Select(ReadSuggestion).ToList();
        var reasons = new List<(string, string)>();
        foreach (var r in c.Maps("override-reasons"))
        {
            reasons.Add((r.String("code", required: true) ?? "", r.String("display", required: true) ?? ""));
            r.Finish();
        }
        var links = new List<(string, string)>();
        foreach (var l in c.Maps("links"))
        {
            var url = l.String("url", required: true) ?? "";
            if (url.Length > 0 && !Uri.TryCreate(url, UriKind.Absolute, out _))
                l.Diagnostics.Add(RuleErrorCodes.BadValue, l.Mark, $"link url '{url}' is not an absolute URL");
            links.Add((l.String("label", required: true) ?? "", url));
            l.Finish();
        }
        var doc = new CardDocument(id, c.Mark, Loc(c, "when", required: true) ?? new Located("true", c.Mark), Loc(c, "for-each"), c.String("as") ?? "item",
            c.Enum("indicator", Indicators, required: true, fallback: "info")!, Loc(c, "summary", required: true) ?? new Located("", c.Mark),
            Loc(c, "detail"), suggestions, c.Enum("selection-behavior", SelectionBehaviors), reasons, links, c.Bool("explain") ?? false);
        if (suggestions.Count > 0 && doc.SelectionBehavior is null)
            c.Diagnostics.Add(RuleErrorCodes.MissingKey, c.Mark, $"card '{id}' has suggestions, so 'selection-behavior' is required (CDS Hooks)");
        if (doc.SelectionBehavior == "at-most-one" && suggestions.Count(s => s.IsRecommended == true) > 1)
            c.Diagnostics.Add(RuleErrorCodes.BadValue, c.Mark, $"card '{id}': at-most-one allows at most one recommended suggestion (cds-resp-1)");
        c.Finish();
        return doc;
    }

    private static SuggestionDocument ReadSuggestion(YamlMap s)
    {
        var actions = new List<ActionDocument>();
        foreach (var a in s.Maps("actions"))
        {
            actions.Add(new ActionDocument(a.Enum("type", ActionTypes, required: true, fallback: "create")!,
                Loc(a, "description", required: true) ?? new Located("", a.Mark),
                a.Node("resource") is { } r ? YamlJson.ToJson(r) : null, a.Mark));
            a.Finish();
        }
        var doc = new SuggestionDocument(s.String("label", required: true) ?? "", s.Bool("is-recommended"), actions, s.Mark);
        s.Finish();
        return doc;
    }

    private static VectorDocument ReadVector(YamlMap v)
    {
        var name = v.String("name", required: true) ?? "";
        var set = new List<(string, JsonNode?)>();
        if (v.Map("set") is { } s)
            foreach (var (path, node, _) in s.Entries())
                set.Add((path, YamlJson.ToJson(node)));
        var remove = v.List("remove").OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList();
        var facts = v.Node("facts") is { } f ? YamlJson.ToJson(f) as JsonObject : null;
        var bundle = v.String("bundle");
        if (bundle is null && facts is null && !v.Has("definitions"))
            v.Diagnostics.Add(RuleErrorCodes.BadTestVector, v.Mark, $"test '{name}' needs 'bundle' or 'facts'");
        var expect = v.Node("expect") is { } e ? YamlJson.ToJson(e) as JsonObject : null;
        if (expect is null)
            v.Diagnostics.Add(RuleErrorCodes.BadTestVector, v.Mark, $"test '{name}' needs an 'expect' mapping");
        foreach (var key in expect?.Select(p => p.Key) ?? [])
            if (!ExpectKeys.Contains(key))
                v.Diagnostics.Add(RuleErrorCodes.UnknownKey, v.Mark, $"test '{name}': unknown expectation '{key}' (allowed: {string.Join(", ", ExpectKeys)})");
        JsonObject? definitions = null;
        if (v.Node("definitions") is { } given)
        {
            definitions = YamlJson.ToJson(given) as JsonObject;
            if (definitions is null)
                v.Diagnostics.Add(RuleErrorCodes.WrongNodeKind, v.MarkOf(given), $"test '{name}': 'definitions' maps a used pack's id to its result");
        }
        var doc = new VectorDocument(name, v.Mark, bundle, facts, set, remove, v.String("as-of", required: true) ?? "", expect ?? [], definitions);
        v.Finish();
        return doc;
    }
}
