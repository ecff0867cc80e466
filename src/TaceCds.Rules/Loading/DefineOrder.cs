using TaceCds.Rules.Authoring;

namespace TaceCds.Rules.Loading;

/// <summary>Orders defines so each comes after the defines it uses; a cycle is a load error (RULE108) naming the cycle.</summary>
internal static class DefineOrder
{
    public static IReadOnlyList<NamedExpression> Sort(IReadOnlyList<NamedExpression> defines, RuleDiagnostics diagnostics, string where)
    {
        var byName = new Dictionary<string, NamedExpression>(StringComparer.Ordinal);
        foreach (var d in defines)
            if (!byName.TryAdd(d.Name, d))
                diagnostics.Add(RuleErrorCodes.DuplicateId, d.Expression.Mark, $"{where}: define '{d.Name}' is declared twice");
        var order = new List<NamedExpression>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var stack = new List<string>();

        void Visit(NamedExpression d)
        {
            if (state.GetValueOrDefault(d.Name) == 2) return;
            if (state.GetValueOrDefault(d.Name) == 1)
            {
                var cycle = stack.Skip(stack.IndexOf(d.Name)).Append(d.Name);
                diagnostics.Add(RuleErrorCodes.DefineCycle, d.Expression.Mark, $"{where}: defines form a cycle: {string.Join(" → ", cycle.Select(n => "%" + n))}");
                return;
            }
            state[d.Name] = 1;
            stack.Add(d.Name);
            foreach (var used in VariableScanner.Scan(d.Expression.Text).Order(StringComparer.Ordinal))
                if (byName.TryGetValue(used, out var dep))
                    Visit(dep);
            stack.RemoveAt(stack.Count - 1);
            state[d.Name] = 2;
            order.Add(d);
        }

        foreach (var d in byName.Values) Visit(d);
        return order;
    }

    /// <summary>The defines an expression uses, directly or through other defines.</summary>
    public static IReadOnlyList<string> Closure(IReadOnlySet<string> direct, IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
    {
        var seen = new List<string>();
        var queue = new Queue<string>(direct.Where(uses.ContainsKey));
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (seen.Contains(name)) continue;
            seen.Add(name);
            foreach (var next in uses[name].Where(uses.ContainsKey)) queue.Enqueue(next);
        }
        return seen;
    }
}
