namespace TaceCds.Fhir.Bulk;

/// <summary>Stable codes of <see cref="BulkExportException"/> (docs/deployment.md, "Population runs").</summary>
public static class BulkExportErrorCodes
{
    /// <summary>The kick-off was refused (4xx/5xx; the OperationOutcome's diagnostics are in the message) or had no Content-Location.</summary>
    public const string KickOffRefused = "BULK101";
    /// <summary>The status URL answered an error (4xx/5xx): the export failed on the server.</summary>
    public const string ExportFailed = "BULK102";
    /// <summary>A file is larger than <see cref="BulkExportOptions.MaxFileBytes"/>; it is not kept.</summary>
    public const string FileTooLarge = "BULK103";
    /// <summary>A file could not be downloaded (error status or connection lost); a new run resumes from it.</summary>
    public const string DownloadFailed = "BULK104";
    /// <summary>The manifest or an answer is not what the Bulk Data specification describes.</summary>
    public const string InvalidResponse = "BULK105";
    /// <summary>The export was still in progress after <see cref="BulkExportOptions.MaxWait"/>; a new run resumes polling.</summary>
    public const string StillInProgress = "BULK106";
    /// <summary>Cancelled (Ctrl-C or <c>--cancel</c>): a DELETE was sent to the status URL.</summary>
    public const string Cancelled = "BULK107";
    /// <summary>The SMART Backend Services token endpoint refused the client or answered no access token.</summary>
    public const string TokenRefused = "BULK108";
    /// <summary>A status or file URL lies outside the FHIR server's origin: not called, and the token never sent there.</summary>
    public const string ForeignUrl = "BULK109";
    /// <summary>The server could not be reached, or its address may not be contacted (the FHIR client's address policy).</summary>
    public const string Unreachable = "BULK110";
}

/// <summary>A Bulk Data export that failed; the message names the step and URL path, never a token.</summary>
public sealed class BulkExportException(string code, string detail, Exception? inner = null) : Exception($"{code}: {detail}", inner)
{
    public string Code { get; } = code;
}
