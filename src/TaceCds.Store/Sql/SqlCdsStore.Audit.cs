using System.Data.Common;
using System.Text.Json;
using TaceCds.Store.Records;

namespace TaceCds.Store.Sql;

/// <summary>Hook-call audit: writing a call with its cards, listing calls.</summary>
public abstract partial class SqlCdsStore
{
    public async Task<long> RecordHookCallAsync(HookCallRecord call, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var id = await InsertCallAsync(connection, tx, call, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return id;
    }

    public async Task RecordHookCallsAsync(IReadOnlyList<HookCallRecord> calls, CancellationToken cancellationToken = default)
    {
        if (calls.Count == 0) return;
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // PostgreSQL: two round trips per transaction (calls, then cards) instead of one per row — a store across a
        // network fell behind sustained load that way (issue 13 row 4). SQLite is in-process: row by row costs nothing.
        if (connection.CanCreateBatch) await InsertBatchedAsync(connection, tx, calls, cancellationToken);
        else foreach (var call in calls) await InsertCallAsync(connection, tx, call, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private const string InsertCall = """
        INSERT INTO hook_call (at, service_id, hook, hook_instance, client_iss, tenant, patient_id, http_status, duration_ms)
        VALUES (@at, @service, @hook, @instance, @iss, @tenant, @patient, @status, @duration)
        RETURNING id
        """;

    private const string InsertCard = """
        INSERT INTO audit_card (hook_call_id, card_uuid, rule_id, rule_version, indicator, summary, evidence)
        VALUES (@call, @uuid, @rule, @version, @indicator, @summary, @evidence)
        """;

    private static (string, object?)[] CallParameters(HookCallRecord call) =>
    [
        ("at", StoreTime.ToText(call.At)), ("service", call.ServiceId), ("hook", call.Hook),
        ("instance", call.HookInstance), ("iss", call.ClientIssuer), ("tenant", call.Tenant),
        ("patient", call.PatientId), ("status", call.HttpStatus), ("duration", call.DurationMs),
    ];

    private static (string, object?)[] CardParameters(long callId, AuditCard card) =>
    [
        ("call", callId), ("uuid", card.Uuid), ("rule", card.RuleId), ("version", card.RuleVersion),
        ("indicator", card.Indicator), ("summary", card.Summary), ("evidence", JsonSerializer.Serialize(card.EvidenceReferences)),
    ];

    private static async Task<long> InsertCallAsync(DbConnection connection, DbTransaction tx, HookCallRecord call, CancellationToken cancellationToken)
    {
        var id = Convert.ToInt64(await ScalarAsync(connection, tx, InsertCall, cancellationToken, CallParameters(call)));
        foreach (var card in call.Cards) await ExecuteAsync(connection, tx, InsertCard, cancellationToken, CardParameters(id, card));
        return id;
    }

    private static async Task InsertBatchedAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<HookCallRecord> calls, CancellationToken ct)
    {
        var ids = new long[calls.Count];
        await using (var batch = Batch(connection, tx, calls.Select(c => (InsertCall, CallParameters(c)))))
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            for (var i = 0; i < calls.Count; i++)
            {
                if (!await reader.ReadAsync(ct)) throw new StoreException("STORE103", "an audit insert returned no id");
                ids[i] = Convert.ToInt64(reader.GetValue(0));
                await reader.NextResultAsync(ct);
            }
        }
        var cards = calls.SelectMany((c, i) => c.Cards.Select(card => (InsertCard, CardParameters(ids[i], card)))).ToList();
        if (cards.Count == 0) return;
        await using var cardBatch = Batch(connection, tx, cards);
        await cardBatch.ExecuteNonQueryAsync(ct);
    }

    private static DbBatch Batch(DbConnection connection, DbTransaction tx, IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> commands)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = tx;
        foreach (var (sql, parameters) in commands)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            AddParameters(command.Parameters, command.CreateParameter, parameters);
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    public async Task<IReadOnlyList<HookCallRecord>> ListHookCallsAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var (where, parameters) = CallFilter(query);
        var calls = new List<HookCallRecord>();
        await using (var command = Command(connection, null, $"""
            SELECT h.id, h.at, h.service_id, h.hook, h.hook_instance, h.client_iss, h.tenant, h.patient_id, h.http_status, h.duration_ms
            FROM hook_call h{where} ORDER BY h.at DESC, h.id DESC LIMIT {Math.Max(0, query.Limit)}
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                calls.Add(new HookCallRecord
                {
                    Id = Convert.ToInt64(reader.GetValue(0)),
                    At = StoreTime.FromText(reader.GetString(1)),
                    ServiceId = reader.GetString(2),
                    Hook = reader.GetString(3),
                    HookInstance = reader.GetString(4),
                    ClientIssuer = NullableString(reader, 5),
                    Tenant = NullableString(reader, 6),
                    PatientId = NullableString(reader, 7),
                    HttpStatus = Convert.ToInt32(reader.GetValue(8)),
                    DurationMs = reader.IsDBNull(9) ? null : Convert.ToInt64(reader.GetValue(9)),
                });
            }
        }
        if (calls.Count == 0) return calls;
        var cards = await CardsOfAsync(connection, calls.Select(c => c.Id).ToList(), cancellationToken);
        return calls.Select(c => c with { Cards = cards.GetValueOrDefault(c.Id) ?? [] }).ToList();
    }

    private static async Task<Dictionary<long, List<AuditCard>>> CardsOfAsync(DbConnection connection, List<long> callIds, CancellationToken ct)
    {
        var byCall = new Dictionary<long, List<AuditCard>>();
        // Ids are our own longs: inlining them is safe and keeps one query per page for both backends.
        foreach (var chunk in callIds.Chunk(500))
        {
            await using var command = Command(connection, null, $"""
                SELECT hook_call_id, card_uuid, rule_id, rule_version, indicator, summary, evidence
                FROM audit_card WHERE hook_call_id IN ({string.Join(",", chunk)}) ORDER BY id
                """);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var callId = Convert.ToInt64(reader.GetValue(0));
                if (!byCall.TryGetValue(callId, out var list)) byCall[callId] = list = [];
                list.Add(new AuditCard
                {
                    Uuid = reader.GetString(1),
                    RuleId = reader.GetString(2),
                    RuleVersion = reader.GetString(3),
                    Indicator = NullableString(reader, 4),
                    Summary = NullableString(reader, 5),
                    EvidenceReferences = JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
                });
            }
        }
        return byCall;
    }
}
