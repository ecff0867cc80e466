using TaceCds.Fhir.Identity;
using TaceCds.Dicom.Mapping;
using TaceCds.Dicom.Sr;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Dicom.Fhir;

/// <summary>
/// Mapping records → FHIR R4 resources, following the HL7 "DICOM SR to FHIR" approach: one ImagingStudy per
/// Study Instance UID, one BodyStructure per tracked lesion (TID 1411 tracking UID/identifier), one Observation
/// per NUM with <c>derivedFrom</c> the ImagingStudy and <c>focus</c> the lesion. Ids are name-based UUIDs, so a
/// re-import produces the same resources. Collects resources from several reports, merging shared studies and lesions.
/// </summary>
public sealed class ImagingReportFhirMapper
{
    /// <summary>Identifier system for SR content items: value "&lt;SOP Instance UID&gt;#&lt;Content Item Identifier&gt;".</summary>
    public const string ContentItemIdentifierSystem = "https://tacecds.org/fhir/sid/dicom-sr-content-item";
    /// <summary>Identifier system for TID 1411 Tracking Identifier (free text, unique within the study).</summary>
    public const string TrackingIdentifierSystem = "https://tacecds.org/fhir/sid/dicom-tracking-identifier";
    private const string ObservationCategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";

    private readonly Reference _subject;
    private readonly string? _localScheme;
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<string, Resource> _byKey = new(StringComparer.Ordinal);

    /// <param name="patientId">FHIR Patient id to point at; when null the DICOM Patient ID is used as a logical identifier.</param>
    public ImagingReportFhirMapper(string? patientId, ConceptMap map)
    {
        _subject = patientId is null ? new Reference() : new Reference { ReferenceValue = "Patient/" + patientId };
        _localScheme = map.LocalScheme;
    }

    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>urn:uuid fullUrl of each resource (for Bundle entries; references use the same form).</summary>
    public static string FullUrl(Resource resource) => "urn:uuid:" + resource.Id;

    public void Add(ImagingReport report)
    {
        var subject = _subject.ReferenceValue is not null ? _subject
            : report.PatientId is { } pid ? new Reference { Identifier = new Identifier { Value = pid }, Display = null } : _subject;
        var study = report.StudyInstanceUid is null ? null : Study(report, subject, report.ReferencedSopClassUids);
        // Several measurement groups may track the same lesion (same UID): they share one BodyStructure.
        var lesions = new Dictionary<string, BodyStructure>(StringComparer.Ordinal);
        var sites = new Dictionary<string, SrCode>(StringComparer.Ordinal);
        foreach (var l in report.Lesions)
        {
            lesions.TryAdd(l.Key, Lesion(report, l, subject));
            if (l.FindingSite is { } site)
                sites.TryAdd(l.Key, site);
        }
        foreach (var m in report.Measurements)
        {
            var id = NameBasedUuid.Create(NameBasedUuid.DicomImportNamespace, $"Observation|{report.SopInstanceUid}|{m.ContentItemId}|{m.TaceCdsCode}").ToString();
            if (_byKey.ContainsKey("Observation|" + id))
                continue;
            var observation = new Observation
            {
                Id = id,
                Identifier = [new Identifier { System = ContentItemIdentifierSystem, Value = $"{report.SopInstanceUid}#{m.ContentItemId}" + (m.TaceCdsCode == "effective-dose" ? "#effective-dose" : "") }],
                Status = "final",
                Category = [new CodeableConcept { Coding = [new Coding { System = ObservationCategorySystem, Code = "imaging", Display = "Imaging" }] }],
                Code = Code(m),
                Subject = subject.ReferenceValue is null && subject.Identifier is null ? null : subject,
                Focus = m.LesionKey is { } key && lesions.TryGetValue(key, out var lesion) ? [Ref(lesion)] : [],
                Effective = report.EffectiveDateTime is { } e && FhirDateTime.TryParse(e, out var when) ? new FhirDateTimeValue(when!) : null,
                Value = Quantity(m),
                // The group's Finding Site (SCT 363698007) is the Observation's body site, as in the HL7 SR mapping.
                BodySite = m.LesionKey is { } siteKey && sites.TryGetValue(siteKey, out var findingSite) ? Concept(findingSite) : null,
                Note = m.Note is null ? [] : [new Annotation { Text = m.Note }],
                DerivedFrom = study is null ? [] : [Ref(study)],
            };
            Keep("Observation|" + id, observation);
        }
    }

    private CodeableConcept Code(ImagingMeasurement m)
    {
        var codings = new List<Coding>();
        if (m.TaceCdsCode is { } ours)
            codings.Add(new Coding { System = CodeSystems.TaceCds, Code = ours });
        var sr = new Coding { System = CodingSystems.ForScheme(m.Concept.Scheme, _localScheme), Code = m.Concept.Value, Display = m.Concept.Meaning };
        if (!codings.Any(c => c.Is(sr.System!, sr.Code!)))
            codings.Add(sr);
        return new CodeableConcept { Coding = codings, Text = m.Concept.Meaning };
    }

    private Quantity Quantity(ImagingMeasurement m) => new()
    {
        Value = m.Value,
        Unit = m.Unit?.Meaning is { Length: > 0 } meaning ? meaning : m.Unit?.Value,
        System = m.Unit is { Scheme: "UCUM" } ? CodeSystems.Ucum : m.Unit is null ? null : CodingSystems.ForScheme(m.Unit.Scheme, _localScheme),
        Code = m.Unit?.Value,
    };

    private ImagingStudy Study(ImagingReport report, Reference subject, IReadOnlyList<string> sopClasses)
    {
        var key = "ImagingStudy|" + report.StudyInstanceUid;
        if (_byKey.TryGetValue(key, out var existing))
            return (ImagingStudy)existing;
        var modality = report.Kind == ImagingReportKind.CtRadiationDose ? "CT" : ModalityFromSopClasses(sopClasses);
        var study = new ImagingStudy
        {
            Id = NameBasedUuid.Create(NameBasedUuid.DicomImportNamespace, key).ToString(),
            Identifier = [new Identifier { System = CodingSystems.DicomUidSystem, Value = "urn:oid:" + report.StudyInstanceUid }],
            Status = "available",
            // DICOM PS3.16 CID 29 acquisition modality codes, system DCM (input-data contract).
            Modality = modality is null ? [] : [new Coding { System = CodeSystems.Dicom, Code = modality }],
            Subject = subject.ReferenceValue is null && subject.Identifier is null ? null : subject,
            Started = report.EffectiveDateTime is { } e && FhirDateTime.TryParse(e, out var when) ? when : null,
        };
        Keep(key, study);
        return study;
    }

    private BodyStructure Lesion(ImagingReport report, TrackedLesion lesion, Reference subject)
    {
        var key = $"BodyStructure|{report.StudyInstanceUid}|{lesion.Key}";
        if (lesion.TrackingUid is not null)
            key = "BodyStructure|" + lesion.TrackingUid;
        if (_byKey.TryGetValue(key, out var existing))
            return (BodyStructure)existing;
        var id = NameBasedUuid.Create(NameBasedUuid.DicomImportNamespace, key).ToString();
        // The first identifier is globally unique (it makes the conditional create): the Tracking UID, else — the
        // Tracking Identifier being unique only within its study — the name-based id as a URI (urn:ietf:rfc:3986).
        var identifiers = new List<Identifier>
        {
            lesion.TrackingUid is { } uid
                ? new Identifier { System = CodingSystems.DicomUidSystem, Value = "urn:oid:" + uid }
                : new Identifier { System = CodingSystems.UriSystem, Value = "urn:uuid:" + id },
        };
        if (lesion.TrackingIdentifier is { } text)
            identifiers.Add(new Identifier { System = TrackingIdentifierSystem, Value = text });
        var body = new BodyStructure
        {
            Id = id,
            Identifier = identifiers,
            Morphology = lesion.Finding is { } f ? Concept(f) : null,
            Location = lesion.FindingSite is { } site ? Concept(site) : null,
            Description = lesion.TrackingIdentifier,
            Patient = subject.ReferenceValue is null && subject.Identifier is null ? null : subject,
        };
        Keep(key, body);
        return body;
    }

    private CodeableConcept Concept(SrCode code) => new()
    {
        Coding = [new Coding { System = CodingSystems.ForScheme(code.Scheme, _localScheme), Code = code.Value, Display = code.Meaning }],
    };

    /// <summary>CT / MR from the referenced image storage SOP classes (DICOM PS3.4 annex B.5), else unknown.</summary>
    private static string? ModalityFromSopClasses(IReadOnlyList<string> sopClasses)
    {
        foreach (var uid in sopClasses)
        {
            if (uid is "1.2.840.10008.5.1.4.1.1.2" or "1.2.840.10008.5.1.4.1.1.2.1" or "1.2.840.10008.5.1.4.1.1.2.2")
                return "CT";
            if (uid is "1.2.840.10008.5.1.4.1.1.4" or "1.2.840.10008.5.1.4.1.1.4.1" or "1.2.840.10008.5.1.4.1.1.4.4")
                return "MR";
        }
        return null;
    }

    private static Reference Ref(Resource r) => new() { ReferenceValue = FullUrl(r) };

    private void Keep(string key, Resource resource)
    {
        _byKey[key] = resource;
        _resources.Add(resource);
    }

    /// <summary>
    /// A transaction Bundle: every resource POSTed as a conditional create (FHIR R4 http.html#ccreate) on its first
    /// identifier, which the SOP Instance UID (Observations), Study Instance UID (ImagingStudy) or Tracking UID
    /// (BodyStructure) makes unique — so importing the same SR again creates nothing. References use the urn:uuid
    /// fullUrls; the server rewrites them to the id each entry resolved to, created or already present.
    /// </summary>
    public Bundle ToTransactionBundle() => new()
    {
        Type = "transaction",
        Entry = [.. _resources.Select(r => new BundleEntry
        {
            FullUrl = FullUrl(r),
            Resource = r,
            Request = new BundleEntryRequest { Method = "POST", Url = r.ResourceType, IfNoneExist = IfNoneExist(FirstIdentifier(r)) },
        })],
    };

    /// <summary>The search <c>identifier=system|value</c>, each part URL-escaped (a content item's value holds '#').</summary>
    public static string IfNoneExist(Identifier identifier) =>
        $"identifier={Uri.EscapeDataString(identifier.System!)}|{Uri.EscapeDataString(identifier.Value!)}";

    private static Identifier FirstIdentifier(Resource resource) => resource switch
    {
        Observation o => o.Identifier[0],
        ImagingStudy s => s.Identifier[0],
        BodyStructure b => b.Identifier[0],
        _ => throw new InvalidOperationException($"the DICOM import makes no {resource.ResourceType}"),
    };
}
