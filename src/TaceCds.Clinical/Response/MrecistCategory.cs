namespace TaceCds.Clinical.Response;

/// <summary>mRECIST response categories (Lencioni &amp; Llovet, Semin Liver Dis 2010;30:52-60).</summary>
public enum MrecistCategory { CR, PR, SD, PD }

/// <summary>Non-target lesion assessment: CR, IR/SD (incomplete response / stable), PD.</summary>
public enum NonTargetCategory { CR, IRSD, PD }

public static class MrecistNames
{
    public static string Of(MrecistCategory c) => c.ToString();

    public static string Of(NonTargetCategory c) => c switch
    {
        NonTargetCategory.CR => "CR",
        NonTargetCategory.IRSD => "IR-SD",
        _ => "PD",
    };

    public static NonTargetCategory? ParseNonTarget(string? code) => code switch
    {
        "CR" => NonTargetCategory.CR,
        "IR-SD" => NonTargetCategory.IRSD,
        "PD" => NonTargetCategory.PD,
        _ => null,
    };

    public static MrecistCategory? Parse(string? code) => code switch
    {
        "CR" => MrecistCategory.CR,
        "PR" => MrecistCategory.PR,
        "SD" => MrecistCategory.SD,
        "PD" => MrecistCategory.PD,
        _ => null,
    };

    /// <summary>Objective response (ObR) = CR or PR; non-response (NR) = SD or PD (seed 004).</summary>
    public static bool IsObjectiveResponse(MrecistCategory c) => c is MrecistCategory.CR or MrecistCategory.PR;
}
