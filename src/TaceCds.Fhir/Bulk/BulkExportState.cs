using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaceCds.Fhir.Bulk;

/// <summary>
/// <c>bulk-export.state.json</c> in the output folder: the kick-off, the status URL to poll, the manifest once it came,
/// and the files already downloaded — so a run that stopped (Ctrl-C aside, which cancels) resumes: it polls the same
/// status URL rather than starting a new export, and downloads only the files it does not have. Written atomically.
/// </summary>
public sealed class BulkExportState
{
    public const string FileName = "bulk-export.state.json";

    public string? KickOff { get; set; }
    public string? StatusUrl { get; set; }
    public List<BulkOutputFile>? Output { get; set; }
    public bool RequiresAccessToken { get; set; }
    public string? TransactionTime { get; set; }
    public List<string> Completed { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BulkExportState Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return new BulkExportState();
        try
        {
            return JsonSerializer.Deserialize<BulkExportState>(File.ReadAllText(path), Json) ?? new BulkExportState();
        }
        catch (JsonException ex)
        {
            throw new BulkExportException(BulkExportErrorCodes.InvalidResponse, $"{path} is not a bulk-export state file ({ex.Message}); delete it to start over");
        }
    }

    public void Save(string folder)
    {
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

/// <summary>One entry of the manifest's <c>output</c>, and the local file name it is saved under.</summary>
public sealed record BulkOutputFile(string Type, string Url, long? Count, string LocalName);
