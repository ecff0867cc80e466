using System.Globalization;
using F = Hl7.Fhir.Model;
using T = TaceCds.Fhir.Model;

namespace TaceCds.Validation.Tests;

/// <summary>
/// The fields TaceCds' model keeps and the engine reads — ids, codes, values with units, dates, references,
/// statuses, profiles, extensions — as "name=value" lines, from our reader's model and from Firely's POCOs alike,
/// so the two readers can be compared resource by resource.
/// </summary>
public static class KeptFields
{
    public static List<string> Of(T.Resource r)
    {
        var f = new List<string> { $"type={r.ResourceType}", $"id={r.Id}" };
        f.AddRange(r.Meta?.Profile.Select(p => $"profile={p}") ?? []);
        if (r is T.DomainResource d) f.AddRange(d.Extensions.Select(e => $"extension={e.Url}|{Value(e.Value)}"));
        switch (r)
        {
            case T.Observation o:
                Add(f, "status", o.Status); Codes(f, "code", o.Code); Add(f, "subject", o.Subject?.ReferenceValue);
                Add(f, "effective", Value(o.Effective)); Add(f, "value", Value(o.Value));
                f.AddRange(o.Focus.Select(x => $"focus={x.ReferenceValue}")); f.AddRange(o.DerivedFrom.Select(x => $"derivedFrom={x.ReferenceValue}"));
                break;
            case T.Procedure p:
                Add(f, "status", p.Status); Codes(f, "code", p.Code); Add(f, "subject", p.Subject?.ReferenceValue); Add(f, "performed", Value(p.Performed));
                break;
            case T.Condition c:
                Codes(f, "clinicalStatus", c.ClinicalStatus); Codes(f, "code", c.Code); Add(f, "subject", c.Subject?.ReferenceValue); Add(f, "onset", Value(c.Onset));
                break;
            case T.ImagingStudy i:
                Add(f, "status", i.Status); f.AddRange(i.Modality.Select(m => $"modality={m.System}|{m.Code}")); Add(f, "subject", i.Subject?.ReferenceValue); Add(f, "started", i.Started?.Value);
                break;
            case T.BodyStructure b:
                Codes(f, "location", b.Location); Add(f, "patient", b.Patient?.ReferenceValue); f.AddRange(b.Identifier.Select(x => $"identifier={x.System}|{x.Value}"));
                break;
            case T.Patient p:
                Add(f, "gender", p.Gender); Add(f, "birthDate", p.BirthDate?.Value);
                break;
            case T.MedicationStatement m:
                Add(f, "status", m.Status); Add(f, "medication", Value(m.Medication)); Add(f, "subject", m.Subject?.ReferenceValue); Add(f, "effective", Value(m.Effective));
                break;
        }
        return f;
    }

    public static List<string> Of(F.Resource r)
    {
        var f = new List<string> { $"type={r.TypeName}", $"id={r.Id}" };
        f.AddRange(r.Meta?.Profile.Select(p => $"profile={p}") ?? []);
        if (r is F.DomainResource d) f.AddRange(d.Extension.Select(e => $"extension={e.Url}|{Value(e.Value)}"));
        switch (r)
        {
            case F.Observation o:
                Add(f, "status", o.StatusElement?.JsonValue as string); Codes(f, "code", o.Code); Add(f, "subject", o.Subject?.Reference);
                Add(f, "effective", Value(o.Effective)); Add(f, "value", Value(o.Value));
                f.AddRange(o.Focus.Select(x => $"focus={x.Reference}")); f.AddRange(o.DerivedFrom.Select(x => $"derivedFrom={x.Reference}"));
                break;
            case F.Procedure p:
                Add(f, "status", p.StatusElement?.JsonValue as string); Codes(f, "code", p.Code); Add(f, "subject", p.Subject?.Reference); Add(f, "performed", Value(p.Performed));
                break;
            case F.Condition c:
                Codes(f, "clinicalStatus", c.ClinicalStatus); Codes(f, "code", c.Code); Add(f, "subject", c.Subject?.Reference); Add(f, "onset", Value(c.Onset));
                break;
            case F.ImagingStudy i:
                Add(f, "status", i.StatusElement?.JsonValue as string); f.AddRange(i.Modality.Select(m => $"modality={m.System}|{m.Code}")); Add(f, "subject", i.Subject?.Reference); Add(f, "started", i.StartedElement?.Value);
                break;
            case F.BodyStructure b:
                Codes(f, "location", b.Location); Add(f, "patient", b.Patient?.Reference); f.AddRange(b.Identifier.Select(x => $"identifier={x.System}|{x.Value}"));
                break;
            case F.Patient p:
                Add(f, "gender", p.GenderElement?.JsonValue as string); Add(f, "birthDate", p.BirthDate);
                break;
            case F.MedicationStatement m:
                Add(f, "status", m.StatusElement?.JsonValue as string); Add(f, "medication", Value(m.Medication)); Add(f, "subject", m.Subject?.Reference); Add(f, "effective", Value(m.Effective));
                break;
        }
        return f;
    }

    private static void Add(List<string> f, string name, string? value) { if (value is not null) f.Add($"{name}={value}"); }

    private static void Codes(List<string> f, string name, T.CodeableConcept? c) => f.AddRange(c?.Coding.Select(x => $"{name}={x.System}|{x.Code}") ?? []);

    private static void Codes(List<string> f, string name, F.CodeableConcept? c) => f.AddRange(c?.Coding.Select(x => $"{name}={x.System}|{x.Code}") ?? []);

    // Decimals compared by value: 42.0 and 42.00 are the same number to both readers' consumers.
    private static string Number(decimal? d) => d?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "";

    private static string? Value(T.Element? e) => e switch
    {
        null => null,
        T.Quantity q => $"Quantity {Number(q.Value)} {q.Comparator} {q.Unit} {q.System} {q.Code}",
        T.CodeableConcept c => "CodeableConcept " + string.Join(",", c.Coding.Select(x => $"{x.System}|{x.Code}")),
        T.Coding c => $"Coding {c.System}|{c.Code}",
        T.FhirBoolean b => b.Value ? "true" : "false",
        T.FhirInteger i => i.Value.ToString(CultureInfo.InvariantCulture),
        T.FhirDecimal d => Number(d.Value),
        T.FhirString s => s.Value,
        T.FhirDateTimeValue dt => dt.Value.Value,
        T.Period p => $"Period {p.Start?.Value}..{p.End?.Value}",
        T.Reference r => $"Reference {r.ReferenceValue}",
        _ => $"(unmodelled {e.FhirTypeName})",
    };

    private static string? Value(F.DataType? e) => e switch
    {
        null => null,
        F.Quantity q => $"Quantity {Number(q.Value)} {q.ComparatorElement?.JsonValue} {q.Unit} {q.System} {q.Code}",
        F.CodeableConcept c => "CodeableConcept " + string.Join(",", c.Coding.Select(x => $"{x.System}|{x.Code}")),
        F.Coding c => $"Coding {c.System}|{c.Code}",
        F.FhirBoolean b => b.Value == true ? "true" : "false",
        F.Integer i => i.Value?.ToString(CultureInfo.InvariantCulture),
        F.FhirDecimal d => Number(d.Value),
        F.FhirString s => s.Value,
        F.FhirDateTime dt => dt.Value,
        F.Date dt => dt.Value,
        F.Period p => $"Period {p.Start}..{p.End}",
        F.ResourceReference r => $"Reference {r.Reference}",
        _ => $"(unmodelled {e.TypeName})",
    };
}
