using TaceCds.Rules.Model;

namespace TaceCds.Rules.Loading;

/// <summary>
/// The dependency graph of packs that read other packs' results (<c>uses:</c>). Checks that every used pack exists
/// (RULE115), that the uses form no cycle (RULE116) and that a pack reads <c>%definitions</c>/<c>%models</c> only of
/// the packs it declares (RULE117); then orders the packs so each comes after the packs it uses, keeping the
/// file-name order wherever the graph allows it (a stable topological order).
/// </summary>
public static class PackGraph
{
    public static IReadOnlyList<RulePack> Order(IReadOnlyList<RulePack> packs, RuleDiagnostics diagnostics)
    {
        var byId = new Dictionary<string, RulePack>(StringComparer.Ordinal);
        foreach (var p in packs) byId.TryAdd(p.Id, p);
        foreach (var pack in packs)
        {
            foreach (var use in pack.Uses.Where(u => !byId.ContainsKey(u.Id)))
                diagnostics.Add(RuleErrorCodes.UnknownPack, use.Mark,
                    $"pack '{pack.Id}' uses '{use.Id}', which is not a loaded pack (loaded: {string.Join(", ", byId.Keys.Order(StringComparer.Ordinal))})");
            var declared = pack.Uses.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var read in pack.Reads.Where(r => !declared.Contains(r.Id)))
                diagnostics.Add(RuleErrorCodes.UndeclaredPackRead, read.Mark, read.Id.Length == 0
                    ? $"pack '{pack.Id}' reads %definitions or %models without naming a pack right after it (write %definitions.`pack-id`)"
                    : $"pack '{pack.Id}' reads the results of '{read.Id}' without declaring it: add it to 'uses'");
        }
        foreach (var cycle in Cycles(packs, byId))
            diagnostics.Add(RuleErrorCodes.PackCycle, byId[cycle[0]].Uses.First(u => u.Id == cycle[1]).Mark,
                $"packs use each other in a cycle: {string.Join(" → ", cycle)}");
        return StableTopological(packs, byId);
    }

    /// <summary>Each cycle once, as the list of pack ids from a pack back to itself.</summary>
    private static List<List<string>> Cycles(IReadOnlyList<RulePack> packs, Dictionary<string, RulePack> byId)
    {
        var cycles = new List<List<string>>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var stack = new List<string>();
        void Visit(RulePack pack)
        {
            state[pack.Id] = 1;
            stack.Add(pack.Id);
            foreach (var use in pack.Uses)
            {
                if (!byId.TryGetValue(use.Id, out var next)) continue;
                var s = state.GetValueOrDefault(next.Id);
                if (s == 1) cycles.Add([.. stack.Skip(stack.IndexOf(next.Id)), next.Id]);
                else if (s == 0) Visit(next);
            }
            stack.RemoveAt(stack.Count - 1);
            state[pack.Id] = 2;
        }
        foreach (var p in packs)
            if (state.GetValueOrDefault(p.Id) == 0) Visit(p);
        return cycles;
    }

    // Kahn's algorithm, always taking the first ready pack in file order; packs left in a cycle keep their file order
    // (the load fails anyway).
    private static List<RulePack> StableTopological(IReadOnlyList<RulePack> packs, Dictionary<string, RulePack> byId)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<RulePack>();
        var remaining = packs.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(p => p.Uses.All(u => placed.Contains(u.Id) || !byId.ContainsKey(u.Id)));
            if (ready is null) { order.AddRange(remaining); break; }
            order.Add(ready);
            placed.Add(ready.Id);
            remaining.Remove(ready);
        }
        return order;
    }

    /// <summary>The packs <paramref name="pack"/> uses, directly or through others, in evaluation order.</summary>
    public static IReadOnlyList<RulePack> Dependencies(RuleSet rules, RulePack pack)
    {
        var byId = rules.Packs.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(pack.Uses.Select(u => u.Id));
        while (queue.TryDequeue(out var id))
            if (needed.Add(id) && byId.TryGetValue(id, out var used))
                foreach (var next in used.Uses) queue.Enqueue(next.Id);
        return rules.Packs.Where(p => needed.Contains(p.Id)).ToList();
    }
}
