using System.Text.Json.Nodes;
using TaceCds.Clinical.Codes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Tests.Facts;

/// <summary>
/// The radiologist's own grading of the treated tumor (docs/fhir-input.md): a reported viable-tumor percentage and a
/// RECICL treatment-effect grade reach the rules as findings of their exam, which JSH-LCSGJ 2014 item 1(i) reads.
/// </summary>
public class ReportedTreatmentResponseTests
{
    private static RecordBuilder ExamOn2024_02_20() => RecordBuilder.For().Ct("2024-02-20", ("A", 34m));

    private static JsonNode? Finding(ClinicalFacts facts, string code) =>
        FactsJson.Write(facts)["exams"]!.AsArray().Single(e => (string?)e!["date"] == "2024-02-20")!["findings"]![code];

    [Fact]
    public void A_reported_viable_tumor_of_40_percent_is_a_finding_of_its_exam_in_percent()
    {
        var facts = ExamOn2024_02_20()
            .Finding("2024-02-20", "CT", "viable-tumor-percent", new Quantity { Value = 40m, Unit = "%", System = CodeSystems.Ucum, Code = "%" })
            .Facts("2024-06-01");

        var finding = Finding(facts, "viable-tumor-percent");
        Assert.Equal(40m, (decimal)finding!["value"]!);
        Assert.Equal("%", (string?)finding["unit"]);
        Assert.Equal("ImagingStudy/study-2024-02-20-CT", facts.Of(FactKind.ReportedViablePercent).Single().Exam);
    }

    [Fact]
    public void A_reported_recicl_grade_TE2_is_a_finding_of_its_exam()
    {
        var facts = ExamOn2024_02_20()
            .Finding("2024-02-20", "CT", "recicl-treatment-effect", RecordBuilder.Own("TE2"))
            .Facts("2024-06-01");

        Assert.Equal("TE2", (string?)Finding(facts, "recicl-treatment-effect")!["value"]);
    }

    [Fact]
    public void A_grade_outside_TE1_to_TE4_is_an_invalid_value_and_not_used()
    {
        var facts = ExamOn2024_02_20()
            .Finding("2024-02-20", "CT", "recicl-treatment-effect", RecordBuilder.Own("TE5"))
            .Facts("2024-06-01");

        Assert.Empty(facts.Of(FactKind.ReportedTreatmentEffect));
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.InvalidValue && i.Message.Contains("TE1, TE2, TE3, TE4"));
    }

    [Fact]
    public void A_viable_tumor_in_mm_is_not_a_percentage_and_is_reported()
    {
        var facts = ExamOn2024_02_20()
            .Finding("2024-02-20", "CT", "viable-tumor-percent", new Quantity { Value = 40m, Unit = "mm", System = CodeSystems.Ucum, Code = "mm" })
            .Facts("2024-06-01");

        Assert.Empty(facts.Of(FactKind.ReportedViablePercent));
        Assert.Contains(facts.DataIssues, i => i.Code == DataIssueCodes.UnknownUnit);
    }
}
