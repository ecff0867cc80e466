namespace TaceCds.Fhir.Bulk;

/// <summary>What to export (FHIR Bulk Data Access 2.0, https://hl7.org/fhir/uv/bulkdata/export.html) and the bounds of doing it.</summary>
public sealed record BulkExportRequest(string? GroupId = null, string? Since = null, IReadOnlyList<string>? Types = null)
{
    /// <summary><c>Patient/$export</c> or <c>Group/[id]/$export</c>, with <c>_type</c> and <c>_since</c>, relative to the base URL.</summary>
    public string KickOffPath()
    {
        var path = GroupId is null ? "Patient/$export" : $"Group/{Uri.EscapeDataString(GroupId)}/$export";
        var query = new List<string>();
        if (Types is { Count: > 0 }) query.Add("_type=" + string.Join(",", Types.Select(Uri.EscapeDataString)));
        if (Since is not null) query.Add("_since=" + Uri.EscapeDataString(Since));
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}

public sealed record BulkExportOptions
{
    /// <summary>Bytes of one NDJSON file; a larger one is BULK103 and not kept.</summary>
    public long MaxFileBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The longest wait between two status polls, whatever <c>Retry-After</c> asks for.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait between polls when the server sends no <c>Retry-After</c>.</summary>
    public TimeSpan DefaultPollDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one run polls before it stops with BULK106 (the next run resumes the same status URL).</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Timeout of one HTTP request (a download included).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
