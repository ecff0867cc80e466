using System.Text.Json;
using TaceCds.Store.Records;

namespace TaceCds.Store.Sql;

/// <summary>Feedback: idempotent batch insert on (card, outcome, outcomeTimestamp), listing.</summary>
public abstract partial class SqlCdsStore
{
    public async Task<FeedbackBatchResult> SaveFeedbackAsync(IReadOnlyList<FeedbackRecord> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return new FeedbackBatchResult(0, 0);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var stored = 0;
        foreach (var f in batch)
        {
            stored += await ExecuteAsync(connection, tx, """
                INSERT INTO feedback (service_id, card_uuid, outcome, outcome_timestamp, accepted_suggestions,
                                      reason_system, reason_code, reason_display, user_comment, client_iss, received_at)
                VALUES (@service, @card, @outcome, @ts, @accepted, @system, @code, @display, @comment, @iss, @received)
                ON CONFLICT (card_uuid, outcome, outcome_timestamp) DO NOTHING
                """, cancellationToken,
                ("service", f.ServiceId), ("card", f.CardUuid), ("outcome", OutcomeText(f.Outcome)),
                ("ts", StoreTime.ToText(f.OutcomeTimestamp)), ("accepted", JsonSerializer.Serialize(f.AcceptedSuggestions)),
                ("system", f.OverrideReason?.Reason?.System), ("code", f.OverrideReason?.Reason?.Code),
                ("display", f.OverrideReason?.Reason?.Display), ("comment", f.OverrideReason?.UserComment),
                ("iss", f.ClientIssuer), ("received", StoreTime.ToText(f.ReceivedAt)));
        }
        await tx.CommitAsync(cancellationToken);
        return new FeedbackBatchResult(stored, batch.Count - stored);
    }

    public async Task<IReadOnlyList<FeedbackRecord>> ListFeedbackAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = CallFilter(query, "f.outcome_timestamp", "f.service_id");
        await using var command = Command(connection, null, $"""
            SELECT f.service_id, f.card_uuid, f.outcome, f.outcome_timestamp, f.accepted_suggestions, f.reason_system,
                   f.reason_code, f.reason_display, f.user_comment, f.client_iss, f.received_at
            FROM feedback f{where} ORDER BY f.outcome_timestamp DESC, f.id DESC LIMIT {Math.Max(0, query.Limit)}
            """, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<FeedbackRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var code = NullableString(reader, 6);
            var comment = NullableString(reader, 8);
            list.Add(new FeedbackRecord
            {
                ServiceId = reader.GetString(0),
                CardUuid = reader.GetString(1),
                Outcome = reader.GetString(2) == "accepted" ? FeedbackOutcome.Accepted : FeedbackOutcome.Overridden,
                OutcomeTimestamp = StoreTime.FromText(reader.GetString(3)),
                AcceptedSuggestions = JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
                OverrideReason = code is null && comment is null
                    ? null
                    : new OverrideReason(code is null ? null : new Coding(NullableString(reader, 5), code, NullableString(reader, 7)), comment),
                ClientIssuer = NullableString(reader, 9),
                ReceivedAt = StoreTime.FromText(reader.GetString(10)),
            });
        }
        return list;
    }

    internal static string OutcomeText(FeedbackOutcome outcome) => outcome == FeedbackOutcome.Accepted ? "accepted" : "overridden";
}
