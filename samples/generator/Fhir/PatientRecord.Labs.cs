using System.Text.Json.Nodes;
using static TaceCds.SampleGenerator.Fhir.FhirJson;

namespace TaceCds.SampleGenerator.Fhir;

public sealed partial class PatientRecord
{
    // Conversion factors from clinical-reference.md section 5: bilirubin mg/dL × 17.1 = µmol/L; albumin g/dL × 10 = g/L.
    private const decimal BilirubinUmolPerMg = 17.1m;
    private const decimal AlbuminGLPerGdl = 10m;

    /// <summary>
    /// Adds one blood sample: every measured analyte as its own Observation, all with the same effectiveDateTime
    /// (so neutrophils and lymphocytes pair into an NLR). Values get the record's seeded noise; units follow
    /// <see cref="LabUnits"/>. Returns the observations added, keyed by analyte (bilirubin, albumin, inr, afp, ast,
    /// alt, neutrophils, lymphocytes, platelets).
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject> Labs(DateOnly date, LabPanel panel)
    {
        var us = LabUnits == LabUnitStyle.US;
        var effective = DateTime(date, ClinicalTimes.Labs);
        var added = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        // One draw per analyte slot, in a fixed order, whether or not it is measured: a missing analyte does not
        // shift the noise of the others.
        var bilirubin = Noisy(panel.BilirubinUmolL);
        var albumin = Noisy(panel.AlbuminGL);
        var inr = Noisy(panel.Inr);
        var afp = Noisy(panel.AfpNgMl);
        var ast = Noisy(panel.AstUL);
        var alt = Noisy(panel.AltUL);
        var neutrophils = Noisy(panel.Neutrophils);
        var lymphocytes = Noisy(panel.Lymphocytes);
        var platelets = Noisy(panel.Platelets);

        void Lab(string key, Coding code, double? value, int decimals, string ucum, string? unitText = null)
        {
            if (value is double v)
            {
                var quantity = Quantity(Math.Round((decimal)v, decimals, MidpointRounding.AwayFromZero), ucum, unitText);
                added[key] = Observation($"{Id}-lab-{Compact(date)}-{key}", code, Category.Laboratory, effective, "valueQuantity", quantity);
            }
        }

        if (us)
        {
            Lab("bilirubin", Terminology.BilirubinMass, bilirubin / (double)BilirubinUmolPerMg, 2, "mg/dL");
            Lab("albumin", Terminology.Albumin, albumin / (double)AlbuminGLPerGdl, 2, "g/dL");
        }
        else
        {
            Lab("bilirubin", Terminology.BilirubinMoles, bilirubin, 1, "umol/L", "µmol/L");
            Lab("albumin", Terminology.Albumin, albumin, 1, "g/L");
        }
        Lab("inr", Terminology.Inr, inr, 2, us ? "1" : "{INR}", us ? "1" : "INR");
        Lab("afp", Terminology.Afp, afp, 1, "ng/mL");
        Lab("ast", Terminology.Ast, ast, 0, "U/L");
        Lab("alt", Terminology.Alt, alt, 0, "U/L");
        var cells = us ? "10*3/uL" : "10*9/L";
        Lab("neutrophils", Terminology.Neutrophils, neutrophils, 2, cells);
        Lab("lymphocytes", Terminology.Lymphocytes, lymphocytes, 2, cells);
        Lab("platelets", Terminology.Platelets, platelets, 0, cells);
        return added;
    }

    private double? Noisy(decimal? value)
    {
        var factor = 1 + LabNoise * (2 * noise.NextDouble() - 1);
        return value is decimal v ? (double)v * factor : null;
    }
}
