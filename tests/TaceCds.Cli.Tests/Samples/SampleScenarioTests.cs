using System.Text.Json.Nodes;

namespace TaceCds.Cli.Tests.Samples;

/// <summary>
/// Each sample patient evaluated end to end (Bundle file → EvaluationResult) against the values samples/README.md
/// computes by hand.
/// </summary>
public class SampleScenarioTests
{
    private static JsonObject Course(string id) => SampleEvaluations.Result(id)["course"]!.AsObject();
    private static JsonObject Scores(string id) => SampleEvaluations.Result(id)["scores"]!.AsObject();

    private static JsonObject NotComputed(string id) => SampleEvaluations.Result(id)["scoresNotComputed"]!.AsObject();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.ToString()).ToList();
    private static JsonArray Assessments(string id) => Course(id)["assessments"]!.AsArray();
    private static string[] Column(string id, string member) => Assessments(id).Select(a => a![member]!.ToString()).ToArray();

    [Fact]
    public void P01_responder_goes_PR_PR_CR_and_the_ultrasound_is_not_an_assessment()
    {
        Assert.Equal(65m, (decimal)Course("p01")["baseline"]!["targetSumMm"]!);
        Assert.Equal(["PR", "PR", "CR", "CR", "CR"], Column("p01", "targetResponse"));
        Assert.DoesNotContain("2024-11-05", Column("p01", "date"));
    }

    [Fact]
    public void P02_refractory_ends_125_percent_of_baseline_at_the_window_exam()
    {
        Assert.Equal(3, (int)Course("p02")["consecutiveSessions"]!);
        Assert.Equal(80m, (decimal)Course("p02")["baseline"]!["targetSumMm"]!);
        var last = Assessments("p02")[^1]!;
        Assert.Equal("2024-07-22", last["date"]!.ToString());
        Assert.Equal("MR", last["modality"]!.ToString());
        Assert.Equal(100m, (decimal)last["targetSumMm"]!);
        Assert.Equal(25.0m, (decimal)last["changeFromBaselinePct"]!);
        Assert.Equal(28.2m, (decimal)last["changeFromNadirPct"]!);
        Assert.Equal("PD", last["responseVsBaseline"]!.ToString());
        Assert.Equal(49, (int)last["daysAfterLastTace"]!);
        Assert.Equal(["SD", "SD", "PD"], Column("p02", "targetResponse"));
    }

    [Fact]
    public void P03_is_PD_against_the_nadir_but_SD_against_the_baseline()
    {
        var last = Assessments("p03")[^1]!;
        Assert.Equal(58m, (decimal)last["targetSumMm"]!);
        Assert.Equal(46m, (decimal)last["nadirSumMm"]!);
        Assert.Equal("PD", last["targetResponse"]!.ToString());
        Assert.Equal("SD", last["responseVsBaseline"]!.ToString());
        Assert.Equal(-27.5m, (decimal)last["changeFromBaselinePct"]!);
    }

    [Fact]
    public void P04_mRECIST_sums_A_and_B_only_and_the_CCI_ledger_adds_new_lesion_C_from_zero()
    {
        // samples/README.md p04: 2024-05-06 A+B 34 target PR, overall PD; 2024-07-01 A+B 30 = 54.5 %B, target PR, overall PD;
        // CCI ledger 2024-07-01: A 20 + B 10 + C 38 = 68 = 123.6 % of 55.
        var assessments = Assessments("p04");
        Assert.Equal(["2024-03-11", "2024-05-06", "2024-07-01"], Column("p04", "date"));
        Assert.Equal(["38", "34", "30"], Column("p04", "targetSumMm"));
        Assert.Equal(["PR", "PR", "PR"], Column("p04", "targetResponse"));
        Assert.Equal(["PR", "PD", "PD"], Column("p04", "overallResponse"));
        Assert.True((bool)assessments[1]!["newIntrahepaticLesion"]!);
        Assert.Equal(-45.5m, (decimal)assessments[2]!["changeFromBaselinePct"]!);
        Assert.Equal(34m, (decimal)assessments[2]!["nadirSumMm"]!);
        Assert.DoesNotContain(assessments[2]!["targets"]!.AsArray(), t => t!["lesion"]!.ToString() == "BodyStructure/p04-lesion-c");

        var cci = assessments[2]!["cci"]!;
        Assert.Equal(68m, (decimal)cci["targetSumMm"]!);
        Assert.Equal(55m, (decimal)cci["baselineSumMm"]!);
        Assert.Equal(123.6m, (decimal)cci["percentOfBaseline"]!);
        Assert.Equal("PD", assessments[2]!["responseVsBaseline"]!.ToString());
        var c = Assert.Single(cci["newLesionsInSet"]!.AsArray())!;
        Assert.Equal("BodyStructure/p04-lesion-c", c["lesion"]!.ToString());
        Assert.Equal("2024-05-06", c["firstSeen"]!.ToString());
        Assert.Equal(2, (int)c["afterSession"]!);
        Assert.Equal(49m, (decimal)assessments[1]!["cci"]!["targetSumMm"]!);
    }

    [Fact]
    public void P05_ablation_splits_the_TACE_sessions_into_two_courses()
    {
        var course = Course("p05");
        Assert.Equal(2, (int)course["consecutiveSessions"]!);
        Assert.Equal(4, course["taceSessions"]!.AsArray().Count);
        Assert.Equal("ablation", course["startedAfter"]!["kind"]!.ToString());
        Assert.Equal(28m, (decimal)course["baseline"]!["targetSumMm"]!);
        Assert.Equal(["SD", "PR"], Column("p05", "targetResponse"));
    }

    [Fact]
    public void P06_without_imaging_before_the_first_TACE_has_no_baseline()
    {
        Assert.Null(Course("p06")["baseline"]);
        Assert.Empty(Assessments("p06"));
        Assert.Contains(SampleEvaluations.Result("p06")["dataIssues"]!.AsArray(), i => i!["code"]!.ToString() == "no-baseline");
    }

    [Fact]
    public void P07_exams_outside_the_window_are_still_assessments_with_their_days()
    {
        Assert.Equal(["35", "35", "14", "124"], Column("p07", "daysAfterLastTace"));
        Assert.Equal(["SD", "SD", "SD", "PD"], Column("p07", "targetResponse"));
    }

    [Fact]
    public void P08_US_units_are_normalised()
    {
        Assert.Equal(52m, (decimal)Course("p08")["baseline"]!["targetSumMm"]!);
        Assert.Equal(["34", "31", "33"], Column("p08", "targetSumMm").Select(s => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture).ToString("0", System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        // Before the 1st TACE (2024-02-21): 2024-02-20 1.13 mg/dL, 3.76 g/dL → ALBI −2.35 (grade 2), Child-Pugh A5
        // (bilirubin graded on the mg/dL scale it was reported in, shown converted).
        var before = Scores("p08")["beforeFirstTace"]!;
        Assert.Equal("2", before["albi"]!["grade"]!.ToString());
        Assert.Equal(-2.35m, (decimal)before["albi"]!["value"]!);
        Assert.Equal("umol/L", before["albi"]!["inputs"]!["bilirubin"]!["unit"]!.ToString());
        Assert.Equal(5, (int)before["childPugh"]!["points"]!);
        Assert.Equal("A", before["childPugh"]!["class"]!.ToString());
        // As of 2025-06-01 the last labs (2024-09-09) are stale (clinical-reference.md §5 "Recency", issue 11 point 6):
        // no Child-Pugh or ALBI "now", never computed as if current.
        Assert.Null(Scores("p08")["childPugh"]);
        Assert.Contains("bilirubin of 2024-09-09 is 265 days before 2025-06-01 (limit 30 days)", Strings(NotComputed("p08")["albi"]!["stale"]));
    }

    [Fact]
    public void P09_uses_the_reported_Child_Pugh_when_components_are_missing()
    {
        // Before the 1st TACE (2024-04-15) the reported score 6 of 2024-04-14 is used (no INR, ascites or ECOG).
        var childPugh = Scores("p09")["beforeFirstTace"]!["childPugh"]!;
        Assert.Equal(6, (int)childPugh["points"]!);
        Assert.Equal("reported", childPugh["source"]!.ToString());
        // Now (2025-06-01) the reported 6 of 2024-07-07 predates the TACE of 2024-07-08: not current (issue 11 point 6).
        Assert.Null(Scores("p09")["childPugh"]);
        Assert.Contains("reported Child-Pugh score of 2024-07-07 is from before the latest liver-directed procedure (TACE 2024-07-08) and is not current",
            Strings(NotComputed("p09")["childPugh"]!["stale"]));
        Assert.Equal(["PR", "PR"], Column("p09", "targetResponse"));
    }

    [Fact]
    public void P10_statuses_other_patients_and_units_are_counted_and_reported()
    {
        var result = SampleEvaluations.Result("p10");
        var summary = result["inputSummary"]!;
        Assert.Equal(1, (int)summary["otherPatients"]!);
        Assert.Equal(1, (int)summary["ignoredByStatus"]!["Observation:entered-in-error"]!);
        Assert.Equal(1, (int)summary["ignoredByStatus"]!["Observation:cancelled"]!);
        Assert.Equal(1, (int)summary["ignoredByStatus"]!["Procedure:not-done"]!);
        Assert.Equal(1, (int)summary["ignoredByStatus"]!["Procedure:in-progress"]!);
        Assert.Equal(2, (int)Course("p10")["consecutiveSessions"]!);
        Assert.Equal(25m, (decimal)Assessments("p10")[0]!["targetSumMm"]!); // not the entered-in-error 52 mm
        var codes = result["dataIssues"]!.AsArray().Select(i => i!["code"]!.ToString()).ToList();
        Assert.Contains("unknown-unit", codes);
        Assert.Contains("preliminary-used", codes);
    }

    [Fact]
    public void P11_derived_NIC_and_lambda_HU_and_effective_dose_are_computed()
    {
        var lesions = SampleEvaluations.Result("p11")["facts"]!["lesions"]!.AsArray();
        var measurements = lesions.SelectMany(l => l!["measurements"]!.AsArray()).ToList();
        var nic = measurements.Single(m => m!["code"]!.ToString() == "dect-nic-ap" && m["derived"] is not null)!;
        Assert.Equal(54.714m, Math.Round((decimal)nic["value"]!, 3));
        var lambda = measurements.Single(m => m!["code"]!.ToString() == "dect-lambda-hu-ap" && m["derived"] is not null)!;
        Assert.Equal(3.37m, Math.Round((decimal)lambda["value"]!, 2));
        var exams = SampleEvaluations.Result("p11")["facts"]!["exams"]!.AsArray();
        var dose = exams.Select(e => e!["findings"]?["effective-dose"]).Single(d => d is not null)!;
        Assert.Equal(12.75m, (decimal)dose["value"]!);
    }

    [Fact]
    public void P12_stages_CNLC_IIIa_from_vascular_invasion()
    {
        // Staged before the 1st TACE (2024-06-10); as of 2025-06-01 the staging CT of 2024-07-15 is stale (limit 28 days).
        var cnlc = Scores("p12")["beforeFirstTace"]!["cnlc"]!;
        Assert.Equal("IIIa", cnlc["stage"]!.ToString());
        Assert.Equal("computed", cnlc["source"]!.ToString());
        Assert.Null(Scores("p12")["cnlc"]);
    }

    [Fact]
    public void P14_ART_8_and_ABCR_5_before_a_second_TACE()
    {
        var art = Scores("p14")["art"]!;
        Assert.Equal(8m, (decimal)art["points"]!);
        Assert.Equal("do-not-retreat", art["recommendation"]!.ToString());
        Assert.Equal(5, (int)Scores("p14")["abcr"]!["points"]!);
    }

    [Fact]
    public void P15_typical_patient_has_five_sessions_and_seven_assessments()
    {
        Assert.Equal(5, (int)Course("p15")["consecutiveSessions"]!);
        Assert.Equal(7, Assessments("p15").Count);
        Assert.Equal(37m, (decimal)Assessments("p15")[^1]!["nadirSumMm"]!);
        Assert.Contains(Course("p15")["assumptions"]!.AsArray(), a => a!.ToString().StartsWith("2 of 5 TACE sessions", StringComparison.Ordinal));
    }

    [Fact]
    public void P16_PET_MR_without_documented_contrast_is_not_an_mRECIST_assessment_and_a_warning_says_why()
    {
        Assert.Equal(["2024-08-19"], Column("p16", "date"));
        Assert.Contains(SampleEvaluations.Result("p16")["dataIssues"]!.AsArray(), i => i!["code"]!.ToString() == "exam-not-mrecist-assessable"
            && i["resource"]!.ToString() == "ImagingStudy/p16-img-20241014" && i["severity"]!.ToString() == "warning"
            && i["message"]!.ToString().Contains("PET/MR without documented contrast enhancement", StringComparison.Ordinal));
    }

    [Fact]
    public void P18_computed_Child_Pugh_C_replaces_the_reported_12()
    {
        var childPugh = Scores("p18")["childPugh"]!;
        Assert.Equal(13, (int)childPugh["points"]!);
        Assert.Equal("C", childPugh["class"]!.ToString());
        Assert.NotNull(childPugh["disagreement"]);
        Assert.Equal("3", Scores("p18")["albi"]!["grade"]!.ToString());
        Assert.Equal("IV", Scores("p18")["cnlc"]!["stage"]!.ToString());
    }

    private static JsonNode Cci(string id) => SampleEvaluations.Result(id)["definitions"]!["cci-2022"]!;

    [Fact]
    public void P19_a_not_standardized_2nd_session_stops_CCI_at_125_percent_for_technique()
    {
        Assert.Equal(1, (int)Course("p19")["cci"]!["consecutiveStandardizedSessions"]!);
        Assert.Equal("2024-05-06", Course("p19")["cci"]!["lastNotStandardized"]!["date"]!.ToString());
        Assert.Equal(["77", "86", "100"], Column("p19", "targetSumMm"));
        var cci = Cci("p19");
        Assert.Equal("not-met", cci["status"]!.ToString());
        Assert.Equal("not-met", cci["criteria"]!["standardized-sessions"]!["status"]!.ToString());
        Assert.Equal("met", cci["criteria"]!["progressive-vs-baseline"]!["status"]!.ToString());
        Assert.True((bool)cci["values"]!["technique"]!);
        Assert.StartsWith("Technique: the session on 2024-05-06", cci["reasons"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void P20_new_lesion_after_the_3rd_TACE_is_overall_PD_with_restage_and_the_last_of_two_window_exams_is_used()
    {
        Assert.Equal(["2024-02-26", "2024-04-22", "2024-06-10", "2024-07-15"], Column("p20", "date"));
        Assert.Equal(["SD", "PR", "PR", "PR"], Column("p20", "targetResponse"));
        Assert.Equal(["SD", "PR", "PD", "PD"], Column("p20", "overallResponse"));
        Assert.Contains(Assessments("p20")[2]!["notes"]!.AsArray(), n => n!.ToString().Contains("restage", StringComparison.Ordinal));
        Assert.Equal(45m, (decimal)Assessments("p20")[3]!["cci"]!["targetSumMm"]!);           // C is not in the CCI set
        var cci = Cci("p20");
        Assert.Equal("not-met", cci["status"]!.ToString());
        Assert.Equal(64.3m, (decimal)cci["values"]!["percentOfBaseline"]!);
        Assert.Equal(2L, (long)cci["values"]!["windowExamCount"]!);
        Assert.Equal("2024-07-15", cci["values"]!["assessmentDate"]!.ToString());
        Assert.Contains(cci["reasons"]!.AsArray(), r => r!.ToString() == "2 qualifying exams in the window (2024-06-10, 2024-07-15); the last, on 2024-07-15, is used.");
        Assert.Contains(cci["reasons"]!.AsArray(), r => r!.ToString().Contains("restage", StringComparison.Ordinal));
    }

    [Fact]
    public void P21_a_41_day_old_baseline_is_not_the_CCI_baseline_and_CCI_is_insufficient_data_naming_its_age()
    {
        Assert.Equal(80m, (decimal)Course("p21")["baseline"]!["targetSumMm"]!);
        Assert.Equal(41, (int)Course("p21")["baseline"]!["daysBeforeFirstSession"]!);
        Assert.Null(Course("p21")["cci"]!["baseline"]);
        var codes = SampleEvaluations.Result("p21")["dataIssues"]!.AsArray().Select(i => i!["code"]!.ToString()).ToList();
        Assert.Contains("cci-baseline-too-old", codes);
        Assert.Single(codes, c => c == "baseline-exam-not-qualifying");
        var cci = Cci("p21");
        Assert.Equal("insufficient-data", cci["status"]!.ToString());
        Assert.Contains(cci["missing"]!.AsArray(), m => m!.ToString().Contains("CT on 2024-01-02, is 41 days before it", StringComparison.Ordinal));
    }
}
