using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Rules.Authoring;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Loading;

/// <summary>Validates a <see cref="PackDocument"/> and compiles it into a <see cref="RulePack"/>; reports every problem it finds.</summary>
internal sealed class PackCompiler
{
    /// <summary>CDS Hooks: "One-sentence, &lt;140-character summary".</summary>
    public const int MaxSummaryLength = 139;
    /// <summary>Variables cards see after the definition and model ran.</summary>
    public static readonly string[] CardVariables = ["status", "applicable", "definition", "model"];

    private readonly ExpressionFactory _factory;
    private readonly RuleDiagnostics _diagnostics;
    private readonly Dictionary<string, IReadOnlySet<string>> _uses = new(StringComparer.Ordinal);
    private bool _hasDefinition;

    public PackCompiler(RuleDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
        _factory = new ExpressionFactory(diagnostics);
    }

    public RulePack? Compile(PackDocument doc)
    {
        var before = _diagnostics.Errors.Count;
        _factory.StartPack();
        if (doc.Id.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(doc.Id, "^[a-z0-9]+(-[a-z0-9]+)*$"))
            _diagnostics.Add(RuleErrorCodes.BadValue, doc.Mark, $"pack id '{doc.Id}' must be lower-case words joined by '-'");
        if (doc.Definition is null && doc.Model is null && doc.Cards.Count == 0)
            _diagnostics.Add(RuleErrorCodes.MissingKey, doc.Mark, "a pack needs a 'definition', a 'model' or 'cards'");

        var tables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, rows, _) in doc.Tables)
            tables[name] = JsonSerializer.SerializeToElement(rows ?? new JsonArray());
        foreach (var dup in doc.Uses.GroupBy(u => u.Text).Where(g => g.Count() > 1))
            _diagnostics.Add(RuleErrorCodes.DuplicateId, dup.Last().Mark, $"'uses' names pack '{dup.Key}' twice");
        var globals = new HashSet<string>(ExpressionFactory.FactVariables.Concat(VariableScanner.PackResultVariables).Concat(tables.Keys).Concat(doc.Defines.Select(d => d.Name)), StringComparer.Ordinal);

        var defines = CompileDefines(doc.Defines, globals, "define");
        var applicability = doc.Applicability?.When is { } w ? Expr(w, globals, "applicability.when") : null;
        var definition = doc.Definition is { } d ? CompileDefinition(d, globals) : null;
        var model = doc.Model is { } m ? CompileModel(m, globals) : null;

        _hasDefinition = doc.Definition is not null;
        var cardScope = new HashSet<string>(globals.Concat(CardVariables), StringComparer.Ordinal);
        var cards = new List<CardRule>();
        foreach (var card in doc.Cards)
            if (CompileCard(card, cardScope) is { } c) cards.Add(c);
        foreach (var dup in doc.Cards.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            _diagnostics.Add(RuleErrorCodes.DuplicateId, dup.Last().Mark, $"card id '{dup.Key}' is used twice");

        var tests = doc.Tests.Select(CompileVector).OfType<TestVector>().ToList();
        if (_diagnostics.Errors.Count > before) return null;
        return new RulePack
        {
            File = doc.File, Id = doc.Id, Version = doc.Version, Title = doc.Title,
            Citation = new Citation(doc.Citation.Text, doc.Citation.Url, doc.Citation.Doi), Evidence = doc.Evidence,
            Uses = doc.Uses.Select(u => new PackReference(u.Text, u.Mark)).ToList(), Reads = _factory.Reads.ToList(),
            ApplicabilityText = doc.Applicability?.Text, ApplicabilityWhen = applicability,
            Defines = defines, Tables = tables, Definition = definition, Model = model, Cards = cards, Tests = tests,
            CardVariables = CardVariablesOf(cards),
        };
    }

    private static HashSet<string> CardVariablesOf(IEnumerable<CardRule> cards)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Add(RuleExpression? e) { if (e is not null) used.UnionWith(e.Variables); }
        void AddTemplate(Template? t) { foreach (var p in t?.Parts ?? []) Add(p.Expression); }
        foreach (var c in cards)
        {
            Add(c.When);
            Add(c.ForEach);
            AddTemplate(c.Summary);
            AddTemplate(c.Detail);
            foreach (var a in c.Suggestions.SelectMany(s => s.Actions))
            {
                AddTemplate(a.Description);
                foreach (var t in a.ResourceTemplates.Values) AddTemplate(t);
            }
        }
        return used;
    }

    private List<Define> CompileDefines(IReadOnlyList<NamedExpression> docs, IReadOnlySet<string> scope, string where)
    {
        var list = new List<Define>();
        foreach (var d in DefineOrder.Sort(docs, _diagnostics, where))
        {
            _uses[d.Name] = VariableScanner.Scan(d.Expression.Text);
            if (Expr(d.Expression, scope, $"{where} '{d.Name}'") is { } e) list.Add(new Define(d.Name, e));
        }
        return list;
    }

    private RuleExpression? Expr(Located located, IReadOnlySet<string> scope, string what)
    {
        var e = _factory.Compile(located.Text, located.Mark, scope, what);
        if (e is not null) e.Defines = DefineOrder.Closure(e.Variables, _uses);
        return e;
    }

    private Template? Text(Located located, IReadOnlySet<string> scope, string what)
    {
        var t = _factory.Template(located.Text, located.Mark, scope, what);
        if (t is not null)
            foreach (var part in t.Parts)
                if (part.Expression is { } e) e.Defines = DefineOrder.Closure(e.Variables, _uses);
        return t;
    }

    private DefinitionRule CompileDefinition(DefinitionDocument d, IReadOnlySet<string> scope)
    {
        var criteria = CompileCriteria(d.Criteria, scope, "criterion");
        return new DefinitionRule(d.Title, d.Combine == "any" ? CriteriaCombination.Any : CriteriaCombination.All, criteria,
            Named(d.Values, scope, "value"), Notes(d.Notes, scope, "note"), Notes(d.Assumptions, scope, "assumption"),
            Named(d.Evidence, scope, "evidence"));
    }

    private List<Criterion> CompileCriteria(IReadOnlyList<CriterionDocument> docs, IReadOnlySet<string> scope, string what)
    {
        foreach (var dup in docs.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            _diagnostics.Add(RuleErrorCodes.DuplicateId, dup.Last().Mark, $"{what} id '{dup.Key}' is used twice");
        return docs.Select(c => new Criterion(c.Id, c.Title,
                c.Requires.Select(r => Expr(r, scope, $"{what} '{c.Id}' requires")).OfType<RuleExpression>().ToList(),
                c.When is { } w ? Expr(w, scope, $"{what} '{c.Id}' when") : null,
                c.Met is { } m ? Text(m, scope, $"{what} '{c.Id}' met") : null,
                c.NotMet is { } n ? Text(n, scope, $"{what} '{c.Id}' not-met") : null,
                c.Missing is { } x ? Text(x, scope, $"{what} '{c.Id}' missing") : null,
                c.Indicator, c.Evidence, c.Citation is { } cite ? new Citation(cite.Text, cite.Url, cite.Doi) : null))
            .ToList();
    }

    private List<NamedRuleExpression> Named(IReadOnlyList<NamedExpression> docs, IReadOnlySet<string> scope, string what) =>
        docs.Select(v => Expr(v.Expression, scope, $"{what} '{v.Name}'") is { } e ? new NamedRuleExpression(v.Name, e) : null)
            .OfType<NamedRuleExpression>().ToList();

    private List<Note> Notes(IReadOnlyList<NoteDocument> docs, IReadOnlySet<string> scope, string what) =>
        docs.Select(n => new Note(n.When is { } w ? Expr(w, scope, $"{what} when") : null,
            n.Text is { } t ? Text(t, scope, $"{what} text") : null,
            n.From is { } f ? Expr(f, scope, $"{what} from") : null)).ToList();

    private ModelRule CompileModel(ModelDocument m, IReadOnlySet<string> globals)
    {
        var scope = new HashSet<string>(globals, StringComparer.Ordinal);
        if (m.ForEach is not null) scope.Add(m.As);
        foreach (var d in m.Defines) scope.Add(d.Name);
        var forEach = m.ForEach is { } f ? Expr(f, globals, "model for-each") : null;
        var key = m.Key is { } k && Expr(k.Expression, scope, "model key") is { } ke ? new NamedRuleExpression(k.Name, ke) : null;
        var defines = CompileDefines(m.Defines, scope, "model define");
        if (m.Logistic is null && m.RelativeOdds is null && m.Classify is null && m.Points is null && m.Values.Count == 0)
            _diagnostics.Add(RuleErrorCodes.MissingKey, m.Mark, "a model needs 'logistic', 'relative-odds', 'classify', 'points' or 'values'");
        return new ModelRule(forEach, m.As, key, defines, CompileCriteria(m.Applicable, scope, "applicability criterion"),
            m.Logistic is { } l ? new LogisticModel(l.Output, l.Intercept ?? 0, Terms(l.Terms, scope)) : null,
            m.RelativeOdds is { } r ? new RelativeOddsModel(r.Output, r.ProbabilityOutput, Terms(r.Terms, scope)) : null,
            m.Classify is { } c ? new ClassifyModel(c.Output,
                c.Cases.Select(x => Expr(x.When, scope, $"classify case '{x.Value}'") is { } e ? (e, x.Value) : default).Where(x => x.e is not null).ToList()!, c.Otherwise) : null,
            m.Points is { } p ? new PointsModel(p.Output,
                p.Items.Select(x => Expr(x.When, scope, $"points item '{x.Name}'") is { } e ? (x.Name, e, x.Points) : default).Where(x => x.e is not null).ToList()!) : null,
            Named(m.Values, scope, "model value"), m.Population, m.Performance);
    }

    private List<ModelTerm> Terms(IReadOnlyList<TermDocument> docs, IReadOnlySet<string> scope) =>
        docs.Select(t => Expr(t.Value, scope, $"term '{t.Name}'") is { } e
                ? new ModelTerm(t.Name, t.Label, e, t.Unit, t.Coefficient, t.OddsRatio, t.CiLow, t.CiHigh, t.Reference)
                : null)
            .OfType<ModelTerm>().ToList();

    private CardRule? CompileCard(CardDocument c, IReadOnlySet<string> cardScope)
    {
        var scope = new HashSet<string>(cardScope, StringComparer.Ordinal);
        if (c.ForEach is not null) scope.Add(c.As);
        var when = Expr(c.When, scope, $"card '{c.Id}' when");
        var forEach = c.ForEach is { } f ? Expr(f, cardScope, $"card '{c.Id}' for-each") : null;
        var summary = Text(c.Summary, scope, $"card '{c.Id}' summary");
        if (summary is not null && summary.LiteralLength > MaxSummaryLength)
            _diagnostics.Add(RuleErrorCodes.SummaryTooLong, c.Summary.Mark,
                $"card '{c.Id}': summary is {summary.LiteralLength} characters without its placeholders; CDS Hooks requires fewer than 140");
        if (c.Summary.Text.Contains('\n'))
            _diagnostics.Add(RuleErrorCodes.BadValue, c.Summary.Mark, $"card '{c.Id}': summary must be one line");
        var detail = c.Detail is { } d ? Text(d, scope, $"card '{c.Id}' detail") : null;
        var suggestions = new List<SuggestionRule>();
        foreach (var s in c.Suggestions)
        {
            var actions = new List<ActionRule>();
            foreach (var a in s.Actions)
            {
                var description = Text(a.Description, scope, $"card '{c.Id}' action description");
                var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
                foreach (var str in Strings(a.Resource).Where(x => x.Contains("{{", StringComparison.Ordinal)).Distinct())
                    if (Text(new Located(str, a.Mark), scope, $"card '{c.Id}' action resource") is { } t) templates[str] = t;
                if (description is not null) actions.Add(new ActionRule(a.Type, description, a.Resource, templates));
            }
            suggestions.Add(new SuggestionRule(s.Label, s.IsRecommended, actions));
        }
        if (when is null || summary is null) return null;
        if (c.Explain && !_hasDefinition)
            _diagnostics.Add(RuleErrorCodes.BadValue, c.Mark, $"card '{c.Id}': 'explain' explains the pack's definition, and this pack has none");
        return new CardRule(c.Id, when, forEach, c.As, c.Indicator, summary, detail, suggestions, c.SelectionBehavior, c.OverrideReasons, c.Links, c.Explain);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private TestVector? CompileVector(VectorDocument v)
    {
        if (!DateOnly.TryParseExact(v.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf))
        {
            _diagnostics.Add(RuleErrorCodes.BadTestVector, v.Mark, $"test '{v.Name}': as-of must be a date YYYY-MM-DD, got '{v.AsOf}'");
            return null;
        }
        return new TestVector(v.Name, v.Mark, v.Bundle, v.Facts, v.Set, v.Remove, asOf, v.Expect, v.Definitions);
    }
}
