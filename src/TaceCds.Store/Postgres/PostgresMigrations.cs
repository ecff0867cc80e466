using TaceCds.Store.Sql;

namespace TaceCds.Store.Postgres;

/// <summary>Schema steps for PostgreSQL. Keep in step with SqliteMigrations (same tables, same meaning).</summary>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "hook calls and audited cards", """
            CREATE TABLE hook_call (
              id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              at            TEXT    NOT NULL,
              service_id    TEXT    NOT NULL,
              hook          TEXT    NOT NULL,
              hook_instance TEXT    NOT NULL,
              client_iss    TEXT,
              tenant        TEXT,
              patient_id    TEXT,
              http_status   INTEGER NOT NULL,
              duration_ms   BIGINT
            );
            CREATE INDEX hook_call_at ON hook_call (at);
            CREATE INDEX hook_call_service_at ON hook_call (service_id, at);
            CREATE TABLE audit_card (
              id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              hook_call_id BIGINT  NOT NULL REFERENCES hook_call (id) ON DELETE CASCADE,
              card_uuid    TEXT    NOT NULL,
              rule_id      TEXT    NOT NULL,
              rule_version TEXT    NOT NULL,
              indicator    TEXT,
              summary      TEXT,
              evidence     TEXT    NOT NULL
            );
            CREATE INDEX audit_card_uuid ON audit_card (card_uuid);
            CREATE INDEX audit_card_call ON audit_card (hook_call_id);
            """),
        new(2, "feedback", """
            CREATE TABLE feedback (
              id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              service_id           TEXT NOT NULL,
              card_uuid            TEXT NOT NULL,
              outcome              TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
              outcome_timestamp    TEXT NOT NULL,
              accepted_suggestions TEXT NOT NULL,
              reason_system        TEXT,
              reason_code          TEXT,
              reason_display       TEXT,
              user_comment         TEXT,
              client_iss           TEXT,
              received_at          TEXT NOT NULL,
              UNIQUE (card_uuid, outcome, outcome_timestamp)
            );
            CREATE INDEX feedback_outcome_timestamp ON feedback (outcome_timestamp);
            """),
        new(3, "jwt replay cache", """
            CREATE TABLE jti_seen (
              issuer     TEXT NOT NULL,
              jti        TEXT NOT NULL,
              expires_at TEXT NOT NULL,
              PRIMARY KEY (issuer, jti)
            );
            CREATE INDEX jti_seen_expires_at ON jti_seen (expires_at);
            """),
    ];
}
