using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Fhir.Model;

namespace TaceCds.Report.Model;

/// <summary>
/// Free text from the record: the patient's name and the notes (Annotation.text) of the resources the evaluation used.
/// Only resources the facts point to are read, so another patient's notes in the same Bundle, and notes dated after the
/// evaluation date, never reach the page. The text is returned as written; encoding is the renderer's job.
/// </summary>
public static class RecordText
{
    /// <summary>The official name (else the first): its text, else given names and family name.</summary>
    public static string? Name(Patient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == "official") ?? patient.Name.FirstOrDefault();
        if (name is null) return null;
        if (!string.IsNullOrWhiteSpace(name.Text)) return name.Text.Trim();
        var parts = name.Given.Append(name.Family).Where(p => !string.IsNullOrWhiteSpace(p));
        var joined = string.Join(" ", parts);
        return joined.Length == 0 ? null : joined;
    }

    public static IReadOnlyList<BoardNote> Notes(RecordInput input, ClinicalFacts facts)
    {
        var used = UsedResources(facts);
        var notes = new List<BoardNote>();
        foreach (var entry in input.Entries)
        {
            var resource = entry.Resource;
            if (resource.LocalReference is not { } reference || !used.TryGetValue(reference, out var date)) continue;
            var annotations = resource switch
            {
                Observation o => o.Note,
                Condition c => c.Note,
                Procedure p => p.Note,
                _ => [],
            };
            foreach (var a in annotations)
                if (!string.IsNullOrWhiteSpace(a.Text)) notes.Add(new BoardNote(reference, date, a.Text.Trim()));
        }
        return notes.OrderBy(n => n.Date ?? DateOnly.MinValue).ThenBy(n => n.Resource, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every resource a fact came from, with the fact's date.</summary>
    private static Dictionary<string, DateOnly?> UsedResources(ClinicalFacts facts)
    {
        var used = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
        foreach (var o in facts.Observations) used.TryAdd(o.Source, o.Date);
        foreach (var t in facts.Therapies)
        {
            used.TryAdd(t.Source, t.Date);
            foreach (var m in t.MergedSources) used.TryAdd(m, t.Date);
        }
        foreach (var d in facts.Diagnoses) used.TryAdd(d.Source, d.Onset);
        foreach (var m in facts.SystemicTherapies) used.TryAdd(m.Source, m.Start);
        return used;
    }
}
