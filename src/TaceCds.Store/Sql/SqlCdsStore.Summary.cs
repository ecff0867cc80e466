using TaceCds.Store.Records;

namespace TaceCds.Store.Sql;

/// <summary>Per-rule outcome summary: cards shown, accepted, overridden (distinct cards) and override reasons with counts.</summary>
public abstract partial class SqlCdsStore
{
    public async Task<AuditSummary> SummarizeAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = CallFilter(query);
        var rules = new Dictionary<(string, string), RuleOutcomeSummary>();

        await using (var command = Command(connection, null, $"""
            SELECT c.rule_id, c.rule_version, COUNT(*)
            FROM audit_card c JOIN hook_call h ON h.id = c.hook_call_id{where}
            GROUP BY c.rule_id, c.rule_version
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                rules[key] = new RuleOutcomeSummary { RuleId = key.Item1, RuleVersion = key.Item2, CardsShown = Convert.ToInt32(reader.GetValue(2)) };
            }
        }

        await using (var command = Command(connection, null, $"""
            SELECT c.rule_id, c.rule_version, f.outcome, COUNT(DISTINCT f.card_uuid)
            FROM feedback f JOIN audit_card c ON c.card_uuid = f.card_uuid JOIN hook_call h ON h.id = c.hook_call_id{where}
            GROUP BY c.rule_id, c.rule_version, f.outcome
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                var count = Convert.ToInt32(reader.GetValue(3));
                if (!rules.TryGetValue(key, out var rule)) continue;
                rules[key] = reader.GetString(2) == "accepted" ? rule with { Accepted = count } : rule with { Overridden = count };
            }
        }

        // Each feedback entry counts once, however many audited cards share its uuid (responses before issue 15 reused
        // uuids across calls; a join row per audited call made one override count six times).
        var reasons = new Dictionary<(string, string), List<OverrideReasonCount>>();
        var overriddenOnly = where.Length == 0 ? " WHERE f.outcome = 'overridden'" : where + " AND f.outcome = 'overridden'";
        await using (var command = Command(connection, null, $"""
            SELECT c.rule_id, c.rule_version, f.reason_system, f.reason_code, MAX(f.reason_display), COUNT(DISTINCT f.id)
            FROM feedback f JOIN audit_card c ON c.card_uuid = f.card_uuid JOIN hook_call h ON h.id = c.hook_call_id{overriddenOnly}
            GROUP BY c.rule_id, c.rule_version, f.reason_system, f.reason_code
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                var code = NullableString(reader, 3);
                var coding = code is null ? null : new Coding(NullableString(reader, 2), code, NullableString(reader, 4));
                if (!reasons.TryGetValue(key, out var list)) reasons[key] = list = [];
                list.Add(new OverrideReasonCount(coding, Convert.ToInt32(reader.GetValue(5))));
            }
        }

        var (feedbackWhere, feedbackParameters) = CallFilter(query, "f.outcome_timestamp", "f.service_id");
        var unknownFilter = (feedbackWhere.Length == 0 ? " WHERE " : feedbackWhere + " AND ")
            + "NOT EXISTS (SELECT 1 FROM audit_card c WHERE c.card_uuid = f.card_uuid)";
        var unknown = Convert.ToInt32(await ScalarAsync(connection, null,
            $"SELECT COUNT(*) FROM feedback f{unknownFilter}", cancellationToken, feedbackParameters));

        var summaries = rules.Values
            .Select(r => r with
            {
                OverrideReasons = (reasons.GetValueOrDefault((r.RuleId, r.RuleVersion)) ?? [])
                    .OrderByDescending(x => x.Count).ThenBy(x => x.Reason?.Code, StringComparer.Ordinal).ToList(),
            })
            .OrderBy(r => r.RuleId, StringComparer.Ordinal).ThenBy(r => r.RuleVersion, StringComparer.Ordinal)
            .ToList();
        return new AuditSummary(summaries, unknown);
    }
}
