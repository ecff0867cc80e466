namespace TaceCds.Cli;

/// <summary>Process exit codes shared by every command (see docs and the evaluation-output contract).</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>A check failed (e.g. a rule-pack test vector).</summary>
    public const int Failed = 1;
    /// <summary>Bad input: unreadable file, malformed JSON, not a Bundle, no Patient.</summary>
    public const int BadInput = 2;
    /// <summary>Partly done: some inputs were refused (each reported with its code) and the rest was processed.</summary>
    public const int Partial = 3;
}
