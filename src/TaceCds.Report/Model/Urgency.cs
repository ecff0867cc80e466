using System.Text.Json.Nodes;

namespace TaceCds.Report.Model;

/// <summary>How urgently the board should look at a patient, and the finding that makes it so.</summary>
public sealed record Urgency(int Level, string Finding)
{
    public const int Critical = 3, Warning = 2, Info = 1, None = 0;

    public string LevelName => Level switch { Critical => "critical", Warning => "warning", Info => "info", _ => "none" };

    /// <summary>
    /// Critical cards (the stop-TACE decision: stop repeating TACE) first; then warning cards, progression at the latest
    /// assessment and Child-Pugh C; then information cards, met definitions, insufficient data, Child-Pugh B and data
    /// errors. The rule packs decide how urgent a finding is, through their cards: a met definition alone is information,
    /// since whether it still calls for a decision (relevance in time, clinical-reference.md §2) is the decision pack's call.
    /// </summary>
    public static Urgency Of(JsonObject result)
    {
        var findings = new List<Urgency>();
        foreach (var card in result["cards"].Objects())
        {
            var level = card["indicator"].Str() switch { "critical" => Critical, "warning" => Warning, "info" => Info, _ => Info };
            findings.Add(new Urgency(level, card["summary"].Str() ?? "(card without summary)"));
        }
        foreach (var (id, definition) in result["definitions"].Members())
        {
            var status = definition.At("status").Str();
            // A result the rule pack reports as history (met for a course whose treatment has since changed) is not a current alert.
            if (status == "met" && definition.At("values", "relevance").Str() == "history")
                findings.Add(new Urgency(Info, $"{DefinitionNames.Title(id)}: met earlier, history since {definition.At("values", "relevanceDate").Str()}"));
            else if (status == "met" && definition.At("values", "history").Str() == "true")
                findings.Add(new Urgency(Info, $"{DefinitionNames.Title(id)}: met earlier, history since {definition.At("values", "historySince").Str()}"));
            else if (status == "met") findings.Add(new Urgency(Info, $"{DefinitionNames.Title(id)}: met"));
            else if (status == "insufficient-data") findings.Add(new Urgency(Info, $"{DefinitionNames.Title(id)}: insufficient data"));
        }
        var last = result.At("course", "assessments").Objects().LastOrDefault();
        if (last?["overallResponse"].Str() == "PD")
            findings.Add(new Urgency(Warning, $"Progressive disease (mRECIST) on {last["date"].Str()}"));
        // Child-Pugh C puts a patient at CNLC IV, beyond TACE (clinical-reference.md, CNLC staging); B narrows the options.
        if (result.At("scores", "childPugh") is { } cp && cp["class"].Str() is { } cls and ("B" or "C"))
            findings.Add(new Urgency(cls == "C" ? Warning : Info, $"Child-Pugh {cls}{cp["points"].Str()} now"));
        var errors = result["dataIssues"].Objects().Count(i => i["severity"].Str() == "error");
        if (errors > 0) findings.Add(new Urgency(Info, $"{errors} data error(s) in the record"));
        return findings.OrderByDescending(f => f.Level).FirstOrDefault() ?? new Urgency(None, "No urgent finding");
    }
}

/// <summary>Readable titles for the definition and model ids of the contract.</summary>
public static class DefinitionNames
{
    public static string Title(string id) => id switch
    {
        "cci-2022" => "TACE refractoriness (CCI 2022)",
        "jsh-2014" => "TACE failure/refractoriness (JSH 2014)",
        "art" => "ART score",
        "abcr" => "ABCR score",
        "stop-tace" => "Stop repeat TACE? (decision)",
        "dect-nomogram-2025" => "DECT nomogram (2025)",
        "ivim-resistance-2026" => "IVIM resistance (2026)",
        "ctp-residual-2025" => "CT perfusion residual (2025)",
        "petmr-modality" => "PET/MR modality",
        _ => id,
    };
}
