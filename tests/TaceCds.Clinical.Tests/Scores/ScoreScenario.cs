using System.Globalization;
using System.Text.Json.Nodes;
using TaceCds.Clinical.Course;
using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Tests.Scores;

/// <summary>Builds records with liver panels and staging findings, and scores them as the pipeline does.</summary>
internal static class ScoreScenario
{
    public const string BilirubinUmol = "14631-6";
    public const string BilirubinMg = "1975-2";
    public const string Albumin = "1751-7";
    public const string Inr = "6301-6";
    public const string Ast = "1920-8";
    public const string Afp = "1834-1";
    public const string Ecog = "89247-1";

    /// <summary>Bilirubin (µmol/L), albumin (g/L), INR, ascites and encephalopathy on one date: a complete Child-Pugh.</summary>
    public static RecordBuilder LiverPanel(this RecordBuilder r, string date, decimal bilirubin, decimal albumin, decimal inr = 1.1m,
        string ascites = "none", string encephalopathy = "none", string idPrefix = "") =>
        r.Lab(BilirubinUmol, date, bilirubin, "umol/L", id: $"{idPrefix}bili-{date[..10]}")
            .Lab(Albumin, date, albumin, "g/L", id: $"{idPrefix}alb-{date[..10]}")
            .Lab(Inr, date, inr, "{INR}", id: $"{idPrefix}inr-{date[..10]}")
            .Status(date, ascites, encephalopathy);

    public static RecordBuilder Status(this RecordBuilder r, string date, string ascites = "none", string encephalopathy = "none") =>
        r.Coded("ascites", date, CodeSystems.TaceCds, ascites).Coded("hepatic-encephalopathy", date, CodeSystems.TaceCds, encephalopathy);

    public static RecordBuilder PtProlongation(this RecordBuilder r, string date, decimal seconds) =>
        r.Add(r.Measurement("pt-prolongation", date, new Quantity { Value = seconds, Unit = "s", System = CodeSystems.Ucum, Code = "s" }, null, null));

    /// <summary>A staging CT: tumor count, largest diameter, no vascular invasion, no extrahepatic spread.</summary>
    public static RecordBuilder StagingCt(this RecordBuilder r, string date, int count, decimal largestMm) =>
        r.Ct(date)
            .Finding(date, "CT", "tumor-count", new FhirInteger(count))
            .Finding(date, "CT", "largest-tumor-diameter", new Quantity { Value = largestMm, Unit = "mm", System = CodeSystems.Ucum, Code = "mm" })
            .Finding(date, "CT", "vascular-invasion", new FhirBoolean(false))
            .Finding(date, "CT", "extrahepatic-spread", new FhirBoolean(false));

    public sealed record Scored(JsonObject Scores, JsonObject NotComputed, IReadOnlyList<DataIssue> Issues)
    {
        public IEnumerable<DataIssue> Stale => Issues.Where(i => i.Code == DataIssueCodes.StaleValue);

        public IReadOnlyList<string> StaleReasons(string score) =>
            (NotComputed[score]?["stale"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];

        public IReadOnlyList<string> Missing(string score) =>
            (NotComputed[score]?["missing"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];
    }

    public static Scored Score(this RecordBuilder r, string asOf, RecencyOptions? recency = null)
    {
        var facts = r.Facts(asOf);
        var issues = new List<DataIssue>(facts.DataIssues);
        var course = TaceCourseBuilder.Build(facts, issues);
        var results = ScoreEvaluator.Evaluate(facts, course, issues, recency);
        return new Scored(results.Scores, results.NotComputed, issues);
    }

    public static DateOnly Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
