using TaceCds.Clinical.Terminology;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Facts;

/// <summary>Procedure → <see cref="TherapyFact"/> (TACE sessions and the therapies that end a TACE course).</summary>
internal static class ProcedureExtraction
{
    /// <summary>
    /// The kind of a Procedure code: a TACE session (ValueSet tace-procedure, as the site extended it) or a therapy that
    /// ends a course (course-ending-therapy); null for any other code.
    /// </summary>
    public static TherapyKind? Recognise(CodeableConcept? code, EngineTerminology terminology)
    {
        if (code is null) return null;
        foreach (var c in code.Coding)
            if (terminology.FindProcedure(c.System, c.Code) is { } kind) return kind;
        return null;
    }

    public static TherapyFact? Extract(Procedure procedure, ExtractionContext ctx)
    {
        var kind = Recognise(procedure.Code, ctx.Options.Terminology);
        if (kind is null)
        {
            ctx.Summary.NotUsed++;
            ctx.NoteUnknownProcedureCode(procedure);
            return null;
        }
        if (!ctx.IsOurs(procedure, procedure.Subject)) return null;
        var name = TherapyFact.Name(kind.Value);

        switch (StatusPolicy.ForProcedure(procedure.Status))
        {
            case StatusPolicy.Use.Ignore:
                ctx.Summary.Ignore("Procedure", procedure.Status);
                if (procedure.Status is not ("entered-in-error" or "not-done"))
                    ctx.Issue(DataIssueCodes.ProcedureNotCompleted, procedure, $"{name} with status '{procedure.Status ?? "(none)"}' is not counted as performed");
                return null;
            case StatusPolicy.Use.NotYet:
                ctx.Summary.Ignore("Procedure", procedure.Status);
                ctx.Issue(DataIssueCodes.ProcedureNotCompleted, procedure, $"{name} is '{procedure.Status}': not a session yet", DataIssue.Information);
                return null;
        }

        var date = ExtractionContext.StartDay(procedure.Performed);
        if (date is null)
        {
            ctx.Issue(DataIssueCodes.MissingDate, procedure, $"{name}: no performedDateTime/performedPeriod.start; not used");
            return null;
        }
        if (!ctx.WithinAsOf(date.Value)) return null;

        bool? standardized = null;
        if (kind == TherapyKind.Tace && procedure.FindExtension(ExtensionUrls.TaceStandardized) is { } ext)
        {
            if (ext.Value is FhirBoolean b) standardized = b.Value;
            else ctx.Issue(DataIssueCodes.InvalidValue, procedure, "tace-standardized extension without valueBoolean; read as not documented");
        }
        ctx.Summary.ResourcesUsed++;
        return new TherapyFact
        {
            Kind = kind.Value, Date = date.Value, Source = ExtractionContext.SourceOf(procedure), Standardized = standardized,
            PerformedText = ExtractionContext.StartText(procedure.Performed),
        };
    }

    /// <summary>One session per kind and day: two resources for the same day are one procedure recorded twice.</summary>
    public static List<TherapyFact> MergeSameDay(IEnumerable<TherapyFact> therapies, ExtractionContext ctx)
    {
        var merged = new List<TherapyFact>();
        foreach (var group in therapies.GroupBy(t => (t.Kind, t.Date)).OrderBy(g => g.Key.Date).ThenBy(g => g.Key.Kind))
        {
            var items = group.OrderBy(t => t.Source, StringComparer.Ordinal).ToList();
            var first = items[0];
            if (items.Count > 1)
            {
                var standardized = items.Any(t => t.Standardized == false) ? false : items.Any(t => t.Standardized == true) ? true : (bool?)null;
                first = first with { Standardized = standardized, MergedSources = items.Skip(1).Select(t => t.Source).ToList() };
                ctx.Issue(DataIssueCodes.DuplicateSession, first.Source,
                    $"{items.Count} {TherapyFact.Name(group.Key.Kind)} procedures on {group.Key.Date:yyyy-MM-dd} ({string.Join(", ", items.Select(t => t.Source))}) counted as one session");
            }
            merged.Add(first);
        }
        return merged;
    }
}
