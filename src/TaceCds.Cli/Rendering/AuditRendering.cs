using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaceCds.Store.Records;

namespace TaceCds.Cli.Rendering;

/// <summary>Audit views as a table for a person, or CSV / JSON for export.</summary>
public static class AuditRendering
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Rules(AuditSummary summary, string format)
    {
        if (format == "json") return JsonSerializer.Serialize(summary, Json) + "\n";
        var sb = new StringBuilder();
        if (format == "csv")
        {
            Csv(sb, "rule_id", "rule_version", "cards_shown", "accepted", "overridden", "reason_system", "reason_code", "reason_display", "reason_count");
            foreach (var r in summary.Rules)
            {
                string[] head = [r.RuleId, r.RuleVersion, N(r.CardsShown), N(r.Accepted), N(r.Overridden)];
                if (r.OverrideReasons.Count == 0) Csv(sb, [.. head, "", "", "", ""]);
                foreach (var reason in r.OverrideReasons)
                    Csv(sb, [.. head, reason.Reason?.System ?? "", reason.Reason?.Code ?? "", reason.Reason?.Display ?? "", N(reason.Count)]);
            }
            return sb.ToString();
        }
        var rows = summary.Rules.Select(r => new[] { r.RuleId, r.RuleVersion, N(r.CardsShown), N(r.Accepted), N(r.Overridden) }).ToList();
        var widths = Widths(["RULE", "VERSION", "SHOWN", "ACCEPTED", "OVERRIDDEN"], rows);
        Row(sb, widths, ["RULE", "VERSION", "SHOWN", "ACCEPTED", "OVERRIDDEN"]);
        for (var i = 0; i < rows.Count; i++)
        {
            Row(sb, widths, rows[i]);
            foreach (var reason in summary.Rules[i].OverrideReasons)
            {
                var what = reason.Reason is null ? "(no coded reason)"
                    : reason.Reason.Display is { } d ? $"{reason.Reason.Code} \"{d}\"" : reason.Reason.Code;
                sb.Append("    overridden ").Append(N(reason.Count)).Append("x: ").Append(what).Append('\n');
            }
        }
        if (summary.Rules.Count == 0) sb.Append("(no cards in this period)\n");
        if (summary.FeedbackForUnknownCards > 0)
            sb.Append($"{summary.FeedbackForUnknownCards} feedback entries name cards with no audit record\n");
        return sb.ToString();
    }

    public static string Calls(IReadOnlyList<HookCallRecord> calls, string format)
    {
        if (format == "json") return JsonSerializer.Serialize(calls, Json) + "\n";
        string[] header = ["AT", "SERVICE", "HOOK", "HOOK_INSTANCE", "CLIENT", "TENANT", "PATIENT", "STATUS", "CARDS"];
        var rows = calls.Select(c => new[]
        {
            T(c.At), c.ServiceId, c.Hook, c.HookInstance, c.ClientIssuer ?? "", c.Tenant ?? "", c.PatientId ?? "", N(c.HttpStatus),
            string.Join(" ", c.Cards.Select(card => $"{card.RuleId}@{card.RuleVersion}:{card.Uuid}")),
        }).ToList();
        return Listing(header, rows, format);
    }

    public static string Feedback(IReadOnlyList<FeedbackRecord> feedback, string format)
    {
        if (format == "json") return JsonSerializer.Serialize(feedback, Json) + "\n";
        string[] header = ["OUTCOME_AT", "SERVICE", "CARD", "OUTCOME", "SUGGESTIONS", "REASON_CODE", "REASON_DISPLAY", "COMMENT"];
        var rows = feedback.Select(f => new[]
        {
            T(f.OutcomeTimestamp), f.ServiceId, f.CardUuid, f.Outcome == FeedbackOutcome.Accepted ? "accepted" : "overridden",
            string.Join(" ", f.AcceptedSuggestions), f.OverrideReason?.Reason?.Code ?? "", f.OverrideReason?.Reason?.Display ?? "",
            f.OverrideReason?.UserComment ?? "",
        }).ToList();
        return Listing(header, rows, format);
    }

    private static string Listing(string[] header, List<string[]> rows, string format)
    {
        var sb = new StringBuilder();
        if (format == "csv")
        {
            Csv(sb, header.Select(h => h.ToLowerInvariant()).ToArray());
            foreach (var row in rows) Csv(sb, row);
            return sb.ToString();
        }
        var widths = Widths(header, rows);
        Row(sb, widths, header);
        foreach (var row in rows) Row(sb, widths, row.Select(OneLine).ToArray());
        return sb.ToString();
    }

    private static int[] Widths(string[] header, List<string[]> rows) =>
        header.Select((h, i) => Math.Min(60, rows.Select(r => OneLine(r[i]).Length).Append(h.Length).Max())).ToArray();

    private static void Row(StringBuilder sb, int[] widths, string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i].Length > widths[i] ? cells[i][..(widths[i] - 1)] + "…" : cells[i];
            sb.Append(i == cells.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
        }
        sb.Append('\n');
    }

    /// <summary>RFC 4180 quoting; a cell that a spreadsheet would run as a formula (=, +, -, @) is prefixed with '.</summary>
    private static void Csv(StringBuilder sb, params string[] cells)
    {
        sb.AppendJoin(',', cells.Select(c =>
        {
            if (c.Length > 0 && c[0] is '=' or '+' or '-' or '@' && !double.TryParse(c, CultureInfo.InvariantCulture, out _)) c = "'" + c;
            return c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + c.Replace("\"", "\"\"") + "\"" : c;
        }));
        sb.Append('\n');
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace('\r', ' ');
    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
    private static string T(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
