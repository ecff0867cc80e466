using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Facts;
using TaceCds.Clinical.Tests.Support;
using TaceCds.Fhir.Model;
using TaceCds.Fhir.Terminology;

namespace TaceCds.Clinical.Tests.Facts;

/// <summary>
/// Seed 003 applies only to a patient with a documented non-liver primary cancer (clinical-reference.md §7): a
/// Condition coded WHO ICD-10 C00–C75 or C81–C96, C22 (primary liver cancer) excluded.
/// </summary>
public class NonLiverPrimaryCancerTests
{
    [Theory]
    [InlineData("C18.7", true)]   // sigmoid colon
    [InlineData("C18", true)]     // colon, no subcategory
    [InlineData("C50.9", true)]   // breast
    [InlineData("C00.0", true)]   // first code of C00–C75
    [InlineData("C75.9", true)]   // last code of C00–C75
    [InlineData("C81.0", true)]   // Hodgkin lymphoma: first code of C81–C96
    [InlineData("C96.9", true)]
    [InlineData("C22.0", false)]  // liver cell carcinoma: the study excluded primary liver cancer
    [InlineData("C22.1", false)]  // intrahepatic bile duct carcinoma: also primary liver
    [InlineData("C76.0", false)]  // ill-defined site
    [InlineData("C78.7", false)]  // secondary malignant neoplasm of liver: the metastasis, not its primary
    [InlineData("C80.9", false)]  // site unspecified
    [InlineData("C97", false)]    // multiple independent primaries, sites not stated
    [InlineData("D12.5", false)]  // benign neoplasm of sigmoid colon
    [InlineData("C1A", false)]
    [InlineData("C180", false)]
    public void Icd10_code_is_a_non_liver_primary_only_in_C00_C75_and_C81_C96_except_C22(string code, bool expected) =>
        Assert.Equal(expected, NonLiverPrimaryCancer.IsNonLiverPrimary(CodeSystems.Icd10, code));

    [Fact]
    public void A_colon_code_in_another_system_is_not_recognised() =>
        Assert.False(NonLiverPrimaryCancer.IsNonLiverPrimary(CodeSystems.SnomedCt, "C18.7"));

    [Fact]
    public void Given_a_confirmed_colon_cancer_condition_from_2023_03_01_when_extracted_then_it_is_an_other_primary_not_an_hcc_diagnosis()
    {
        var facts = RecordBuilder.For().Add(Condition("colon", "C18.7", "2023-03-01", "confirmed")).Facts("2025-06-01");

        var primary = Assert.Single(facts.OtherPrimaryCancers);
        Assert.Equal("C18.7", primary.Code);
        Assert.Equal(new DateOnly(2023, 3, 1), primary.Onset);
        Assert.Equal("Condition/colon", primary.Source);
        Assert.Empty(facts.Diagnoses);
        var json = FactsJson.Write(facts);
        Assert.Equal("C18.7", (string?)json["otherPrimaryCancers"]![0]!["code"]);
        Assert.Null(json["diagnoses"]);
    }

    [Fact]
    public void Given_an_hcc_condition_when_extracted_then_it_stays_the_diagnosis_and_is_no_other_primary()
    {
        var facts = RecordBuilder.For().Add(Condition("hcc", "C22.0", "2024-01-01", "confirmed")).Facts("2025-06-01");

        Assert.Equal("C22.0", Assert.Single(facts.Diagnoses).Code);
        Assert.Empty(facts.OtherPrimaryCancers);
    }

    [Theory]
    [InlineData("provisional")]
    [InlineData("differential")]
    [InlineData("unconfirmed")]
    [InlineData("refuted")]
    [InlineData("entered-in-error")]
    public void Given_a_colon_cancer_not_confirmed_when_extracted_then_no_primary_is_documented_and_the_status_is_counted(string verification)
    {
        var facts = RecordBuilder.For().Add(Condition("colon", "C18.7", "2023-03-01", verification)).Facts("2025-06-01");

        Assert.Empty(facts.OtherPrimaryCancers);
        Assert.Equal(1, facts.Summary.IgnoredByStatus[$"Condition:{verification}"]);
    }

    [Fact]
    public void Given_a_liver_metastasis_code_only_when_extracted_then_no_primary_is_documented()
    {
        var facts = RecordBuilder.For().Add(Condition("met", "C78.7", "2024-01-01", "confirmed")).Facts("2025-06-01");

        Assert.Empty(facts.OtherPrimaryCancers);
        Assert.Equal(1, facts.Summary.NotUsed);
    }

    private static Condition Condition(string id, string icd10, string onset, string verification) => new()
    {
        Id = id,
        Code = RecordBuilder.Code(CodeSystems.Icd10, icd10),
        Subject = new Reference { ReferenceValue = "Patient/p1" },
        VerificationStatus = RecordBuilder.Code("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification),
        Onset = new FhirDateTimeValue(FhirDateTime.Parse(onset)),
    };
}
