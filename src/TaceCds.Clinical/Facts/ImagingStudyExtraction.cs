using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Facts;

internal static class ImagingStudyExtraction
{
    public static ImagingExamFact? Extract(ImagingStudy study, ExtractionContext ctx)
    {
        if (!ctx.IsOurs(study, study.Subject)) return null;
        if (!StatusPolicy.ImagingStudyUsable(study.Status))
        {
            ctx.Summary.Ignore("ImagingStudy", study.Status);
            return null;
        }
        if (study.Started is null)
        {
            ctx.Issue(DataIssueCodes.MissingDate, study, "ImagingStudy has no 'started': its exam cannot be placed in time; not used");
            return null;
        }
        var date = study.Started.Date;
        if (!ctx.WithinAsOf(date)) return null;

        // DICOM modality codes, PS3.3 C.7.3.1.1.1 / CID 29 (system http://dicom.nema.org/resources/ontology/DCM).
        var modalities = study.Modality.Concat(study.Series.Select(s => s.Modality).OfType<Coding>())
            .Where(c => c.Code is not null && (c.System is null || c.System == CodeSystems.Dicom))
            .Select(c => c.Code!).Distinct(StringComparer.Ordinal).OrderBy(m => m, StringComparer.Ordinal).ToList();
        if (modalities.Count == 0)
        {
            ctx.Issue(DataIssueCodes.MissingValue, study, "ImagingStudy has no DICOM modality: modality unknown", DataIssue.Information);
            modalities.Add(ImagingExamFact.UnknownModality);
        }

        bool? contrast = true;
        var documented = false;
        if (study.FindExtension(ExtensionUrls.ContrastEnhanced) is { } ext)
        {
            if (ext.Value is FhirBoolean b) (contrast, documented) = (b.Value, true);
            else ctx.Issue(DataIssueCodes.InvalidValue, study, "contrast-enhanced extension without valueBoolean: contrast assumed for a CT or MR (the contract's default), not documented for a hybrid PET/CT or PET/MR");
        }
        ctx.Summary.ResourcesUsed++;
        var source = ExtractionContext.SourceOf(study);
        return new ImagingExamFact { Key = source, Source = source, Date = date, Modalities = modalities, ContrastEnhanced = contrast, ContrastDocumented = documented };
    }
}

internal static class LesionExtraction
{
    public static LesionFact? Extract(BodyStructure lesion, ExtractionContext ctx)
    {
        if (!ctx.IsOurs(lesion, lesion.Patient)) return null;
        if (lesion.Active == false)
        {
            ctx.Summary.Ignore("BodyStructure", "inactive");
            return null;
        }
        bool? intrahepatic = null;
        if (lesion.Location is { } location)
            // ValueSet liver-location (SNOMED CT 10200004 "Liver structure", tacecds#liver), as the site extended it.
            intrahepatic = location.Coding.Any(c => ctx.Options.Terminology.LiverLocation.Contains(c.System, c.Code));
        else
            ctx.Issue(DataIssueCodes.MissingValue, lesion, "lesion without location: neither intrahepatic nor extrahepatic; it cannot be a target lesion");
        ctx.Summary.ResourcesUsed++;
        return new LesionFact
        {
            Source = ExtractionContext.SourceOf(lesion),
            Intrahepatic = intrahepatic,
            Label = lesion.Identifier.FirstOrDefault()?.Value,
        };
    }
}
