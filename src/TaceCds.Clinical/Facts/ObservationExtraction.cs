using System.Globalization;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Units;
using TaceCds.Fhir.Model;
using TaceCds.Clinical.Terminology;

namespace TaceCds.Clinical.Facts;

/// <summary>Observation → <see cref="ObservationFact"/>: code recognition, status, date, value and unit checks.</summary>
internal static class ObservationExtraction
{
    private static readonly HashSet<FactKind> PerLesion =
    [
        FactKind.ViableDiameter, FactKind.LesionDiameter, FactKind.TumorCapsule,
    ];

    private static readonly HashSet<FactKind> Imaging =
    [
        FactKind.ViableDiameter, FactKind.LesionDiameter, FactKind.TumorCapsule, FactKind.NewIntrahepaticLesion,
        FactKind.NewExtrahepaticLesion, FactKind.NontargetResponse, FactKind.VascularInvasion, FactKind.ExtrahepaticSpread,
        FactKind.TumorCount, FactKind.LargestTumorDiameter, FactKind.ReportedMrecistResponse,
        FactKind.ReportedViablePercent, FactKind.ReportedTreatmentEffect,
        FactKind.CtpBvRoi, FactKind.CtpBvEmbolized, FactKind.CtpHap, FactKind.CtpPvp, FactKind.CtpHpi, FactKind.CtpTtp, FactKind.PctPs,
        FactKind.DectIcAp, FactKind.DectIcAortaAp, FactKind.DectNicAp, FactKind.DectCt40Ap, FactKind.DectCt90Ap,
        FactKind.DectLambdaHuAp, FactKind.DectZeffAp, FactKind.IvimAdc, FactKind.IvimD, FactKind.IvimDStar, FactKind.IvimF,
        FactKind.CtDlp, FactKind.CtCtdiVol, FactKind.EffectiveDose,
    ];

    /// <summary>Integer ranges that are physically or clinically possible.</summary>
    private static readonly Dictionary<FactKind, (int Min, int Max)> IntegerRanges = new()
    {
        [FactKind.Ecog] = (0, 5),
        [FactKind.ReportedChildPughScore] = (5, 15),
        [FactKind.TumorCount] = (0, 1000),
    };

    public static ObservationFact? Extract(Observation obs, ExtractionContext ctx)
    {
        var entry = Recognise(obs.Code, ctx.Options.Terminology);
        if (entry is null) { ctx.Summary.NotUsed++; return null; }
        if (!ctx.IsOurs(obs, obs.Subject)) return null;

        var use = StatusPolicy.ForObservation(obs.Status);
        if (use == StatusPolicy.Use.Ignore)
        {
            ctx.Summary.Ignore("Observation", obs.Status);
            if (obs.Status is null)
                ctx.Issue(DataIssueCodes.MissingStatus, obs, $"{entry.Name}: Observation has no status; not used");
            return null;
        }

        var source = ExtractionContext.SourceOf(obs);
        var effectiveText = ExtractionContext.StartText(obs.Effective);
        var date = ExtractionContext.StartDay(obs.Effective);
        if (date is null || effectiveText is null)
        {
            ctx.Issue(DataIssueCodes.MissingDate, obs, $"{entry.Name}: no effectiveDateTime/effectivePeriod.start; not used");
            return null;
        }
        if (!ctx.WithinAsOf(date.Value)) return null;

        if (obs.Value is null)
        {
            var reason = obs.DataAbsentReason?.Coding.FirstOrDefault()?.Code ?? obs.DataAbsentReason?.Text;
            ctx.Issue(DataIssueCodes.MissingValue, obs, $"{entry.Name}: no value{(reason is null ? "" : $" (dataAbsentReason: {reason})")}", DataIssue.Information);
            return null;
        }

        var fact = new ObservationFact
        {
            Kind = entry.Kind,
            Date = date.Value,
            EffectiveText = effectiveText,
            Source = source,
            Preliminary = use == StatusPolicy.Use.UseFlagged,
            Exam = Imaging.Contains(entry.Kind) ? ExamKey(obs, date.Value, ctx) : null,
            Lesion = ctx.References.Resolve(obs.Focus.FirstOrDefault(f => IsBodyStructure(f, ctx))?.ReferenceValue),
            SampleKey = ctx.References.Resolve(obs.Specimen?.ReferenceValue) ?? effectiveText,
        };

        if (PerLesion.Contains(entry.Kind) && fact.Lesion is null)
        {
            ctx.Issue(DataIssueCodes.LesionNotFocused, obs, $"{entry.Name}: per-lesion measurement without focus → BodyStructure; not used");
            return null;
        }

        fact = WithValue(fact, entry, obs, ctx);
        if (fact is null) return null;
        if (fact.Preliminary)
            ctx.Issue(DataIssueCodes.PreliminaryUsed, obs, $"{entry.Name} on {fact.Date:yyyy-MM-dd} is preliminary; used, and flagged", DataIssue.Information);
        ctx.Summary.ResourcesUsed++;
        return fact;
    }

    public static CatalogEntry? Recognise(CodeableConcept? code, EngineTerminology terminology)
    {
        if (code is null) return null;
        foreach (var c in code.Coding)
        {
            var entry = terminology.FindObservation(c.System, c.Code);
            if (entry is not null) return entry;
        }
        return null;
    }

    private static bool IsBodyStructure(Reference r, ExtractionContext ctx) =>
        ctx.References.Resolve(r.ReferenceValue)?.StartsWith("BodyStructure/", StringComparison.Ordinal) == true;

    private static string ExamKey(Observation obs, DateOnly date, ExtractionContext ctx)
    {
        foreach (var d in obs.DerivedFrom)
        {
            var target = ctx.References.Resolve(d.ReferenceValue);
            if (target is not null && target.StartsWith("ImagingStudy/", StringComparison.Ordinal)) return target;
        }
        return "date:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static ObservationFact? WithValue(ObservationFact fact, CatalogEntry entry, Observation obs, ExtractionContext ctx)
    {
        switch (entry.ValueType)
        {
            case FactValueType.Quantity:
                if (obs.Value is not Quantity q)
                    return Invalid(ctx, obs, entry, $"expected valueQuantity, got value{obs.Value!.FhirTypeName}");
                if (q.Comparator is not null)
                {
                    ctx.Issue(DataIssueCodes.CensoredValue, obs, $"{entry.Name}: censored value '{q.Comparator}{q.Value}' cannot be used as an exact value; not used");
                    return null;
                }
                if (!UnitNormalizer.TryNormalize(entry.Kind, q, out var normalized, out var problem))
                {
                    var code = q.Value is null ? DataIssueCodes.MissingValue : DataIssueCodes.UnknownUnit;
                    ctx.Issue(code, obs, $"{entry.Name}: {problem}; not used");
                    return null;
                }
                if (normalized.Value < 0)
                    return Invalid(ctx, obs, entry, $"negative value {normalized.Value}");
                return fact with
                {
                    Number = normalized.Value, Unit = normalized.Unit,
                    ReportedNumber = UnitNormalizer.WithoutTrailingZeros(q.Value!.Value), ReportedUnit = normalized.OriginalUnit ?? normalized.Unit,
                };

            case FactValueType.Integer:
                int? number = obs.Value switch
                {
                    FhirInteger i => i.Value,
                    Quantity { Value: { } v, Comparator: null } qi when v == decimal.Truncate(v) && qi.Code is null or "1" or "{score}" => (int)v,
                    _ => null,
                };
                if (number is null) return Invalid(ctx, obs, entry, $"expected valueInteger, got value{obs.Value!.FhirTypeName}");
                var (min, max) = IntegerRanges.GetValueOrDefault(entry.Kind, (int.MinValue, int.MaxValue));
                if (number < min || number > max) return Invalid(ctx, obs, entry, $"{number} is outside {min}–{max}");
                return fact with { Number = number.Value, Unit = "1" };

            case FactValueType.Boolean:
                if (obs.Value is not FhirBoolean b) return Invalid(ctx, obs, entry, $"expected valueBoolean, got value{obs.Value!.FhirTypeName}");
                return fact with { Flag = b.Value };

            case FactValueType.Code:
                if (obs.Value is not CodeableConcept cc) return Invalid(ctx, obs, entry, $"expected valueCodeableConcept, got value{obs.Value!.FhirTypeName}");
                // The answers the calculators interpret, from the kind's answer ValueSet (e.g. ValueSet-ascites.json).
                var answers = ctx.Options.Terminology.AnswersFor(entry.Kind);
                var match = cc.Coding.FirstOrDefault(c => answers.Contains(c.System, c.Code));
                if (match is null)
                    return Invalid(ctx, obs, entry, $"no coding from {string.Join(" or ", answers.Codes.Select(a => a.System).Distinct())} with one of {string.Join(", ", answers.Codes.Select(a => a.Code))}");
                return fact with { Code = match.Code };

            default:
                throw new InvalidOperationException($"Unhandled value type {entry.ValueType}");
        }
    }

    private static ObservationFact? Invalid(ExtractionContext ctx, Observation obs, CatalogEntry entry, string message)
    {
        ctx.Issue(DataIssueCodes.InvalidValue, obs, $"{entry.Name}: {message}; not used");
        return null;
    }
}
