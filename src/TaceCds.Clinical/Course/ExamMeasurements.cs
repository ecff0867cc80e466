using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Facts;

namespace TaceCds.Clinical.Course;

/// <summary>The imaging facts of each exam, indexed once per evaluation.</summary>
internal sealed class ExamMeasurements
{
    private readonly Dictionary<string, List<ObservationFact>> _byExam = new(StringComparer.Ordinal);

    public ExamMeasurements(ClinicalFacts facts)
    {
        foreach (var o in facts.Observations)
        {
            if (o.Exam is null) continue;
            if (!_byExam.TryGetValue(o.Exam, out var list)) _byExam[o.Exam] = list = [];
            list.Add(o);
        }
    }

    /// <summary>Viable-tumor diameters of the exam, one per lesion (the last recorded when a lesion has several).</summary>
    public IReadOnlyList<TargetMeasurement> Viable(string exam) =>
        _byExam.TryGetValue(exam, out var list)
            ? list.Where(o => o.Kind == FactKind.ViableDiameter && o.Lesion is not null && o.Number is not null)
                .GroupBy(o => o.Lesion!)
                .Select(g => g.Last())
                .Select(o => new TargetMeasurement(o.Lesion!, o.Number!.Value, o.Source))
                .ToList()
            : [];

    public ExamFindings Findings(string exam) => new(_byExam.GetValueOrDefault(exam) ?? []);
}

/// <summary>The per-exam (no focus) findings of one exam.</summary>
internal sealed class ExamFindings(List<ObservationFact> facts)
{
    public (bool? Value, string? Source) Flag(FactKind kind) =>
        facts.LastOrDefault(o => o.Kind == kind && o.Lesion is null && o.Flag is not null) is { } f ? (f.Flag, f.Source) : (null, null);

    public (string? Value, string? Source) Code(FactKind kind) =>
        facts.LastOrDefault(o => o.Kind == kind && o.Lesion is null && o.Code is not null) is { } f ? (f.Code, f.Source) : (null, null);

    public IReadOnlyList<string> Sources => facts
        .Where(o => o.Lesion is null && o.Kind is FactKind.NewIntrahepaticLesion or FactKind.NewExtrahepaticLesion or FactKind.NontargetResponse or FactKind.ReportedMrecistResponse)
        .Select(o => o.Source).ToList();
}
