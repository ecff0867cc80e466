using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;

namespace TaceCds.Report.Model;

/// <summary>
/// Everything the board page of one patient shows: the EvaluationResult (contracts/evaluation-output.md), the name and
/// free-text notes read from the record (untrusted text: the renderer encodes them), and the series over time that
/// the result itself holds only as their latest value (Child-Pugh, ALBI, NLR).
/// </summary>
public sealed record BoardPatient
{
    /// <summary>The EvaluationResult JSON, with whatever the rules engine added (definitions, models, cards).</summary>
    public required JsonObject Result { get; init; }

    /// <summary>The display name from the Patient resource; null when the record has none.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<BoardNote> Notes { get; init; } = [];

    /// <summary>Lab and score series for the small multiples, in display order.</summary>
    public IReadOnlyList<TrendSeries> Trends { get; init; } = [];

    /// <summary><c>Patient/id</c>, from the result.</summary>
    public string PatientReference => Result["patient"].Str() ?? "Patient/?";

    /// <summary>Builds the board page data of one patient from the record and its evaluation.</summary>
    public static BoardPatient From(RecordInput input, ClinicalEvaluation evaluation, JsonObject result) => new()
    {
        Result = result,
        Name = RecordText.Name(input.Patient),
        Notes = RecordText.Notes(input, evaluation.Facts),
        Trends = TrendBuilder.Build(evaluation.Facts),
    };
}

/// <summary>A free-text note (Annotation) on a resource of the record.</summary>
public sealed record BoardNote(string Resource, DateOnly? Date, string Text);

/// <summary>One value at one date; <see cref="Label"/> is shown beside the value (e.g. Child-Pugh class "A").</summary>
public sealed record TrendPoint(DateOnly Date, double Value, string? Label = null);

/// <summary>A series of one small-multiple chart. <see cref="Key"/> is a stable id used in data attributes and tests.</summary>
public sealed record TrendSeries(string Key, string Title, string Unit, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>AFP spans orders of magnitude: a log axis keeps both 6 and 7,000 ng/mL readable.</summary>
    public bool LogScale { get; init; }

    /// <summary>The favourable range (e.g. Child-Pugh A, ALBI grade 1), shaded behind the line.</summary>
    public (double Low, double High)? ReferenceBand { get; init; }
}
