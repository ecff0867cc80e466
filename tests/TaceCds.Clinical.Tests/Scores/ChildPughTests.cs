using TaceCds.Clinical.Scores;
using static TaceCds.Clinical.Tests.Scores.Dec;

namespace TaceCds.Clinical.Tests.Scores;

public class ChildPughTests
{
    [Theory]
    [InlineData("0", 1)]
    [InlineData("33.9", 1)]
    [InlineData("34", 2)]    // boundary belongs to the middle band
    [InlineData("34.2", 2)]  // 2 mg/dL × 17.1
    [InlineData("50.1", 2)]  // clinical-reference.md §5 (corrected): the SI band is 34–51, not 34–50
    [InlineData("51", 2)]    // boundary belongs to the middle band
    [InlineData("51.1", 3)]
    [InlineData("51.3", 3)]  // 3 mg/dL × 17.1 (but 3 mg/dL as reported is 2 points: graded on the mg/dL scale)
    public void Bilirubin_points(string bilirubinUmolPerL, int points) =>
        Assert.Equal(points, ChildPugh.BilirubinPoints(D(bilirubinUmolPerL)));

    [Theory]
    [InlineData("45", 1)]
    [InlineData("35.1", 1)]
    [InlineData("35", 2)]
    [InlineData("28", 2)]
    [InlineData("27.9", 3)]
    [InlineData("20", 3)]
    public void Albumin_points(string albuminGPerL, int points) =>
        Assert.Equal(points, ChildPugh.AlbuminPoints(D(albuminGPerL)));

    [Theory]
    [InlineData("1.0", 1)]
    [InlineData("1.69", 1)]
    [InlineData("1.7", 2)]
    [InlineData("2.3", 2)]
    [InlineData("2.31", 3)]
    [InlineData("4", 3)]
    public void Inr_points(string inr, int points) =>
        Assert.Equal(points, ChildPugh.InrPoints(D(inr)));

    [Theory]
    [InlineData(Ascites.None, 1)]
    [InlineData(Ascites.Mild, 2)]
    [InlineData(Ascites.ModerateSevere, 3)]
    public void Ascites_points(Ascites ascites, int points) => Assert.Equal(points, ChildPugh.AscitesPoints(ascites));

    [Theory]
    [InlineData(HepaticEncephalopathy.None, 1)]
    [InlineData(HepaticEncephalopathy.Grade1To2, 2)]
    [InlineData(HepaticEncephalopathy.Grade3To4, 3)]
    public void Encephalopathy_points(HepaticEncephalopathy he, int points) => Assert.Equal(points, ChildPugh.EncephalopathyPoints(he));

    [Theory]
    [InlineData(5, ChildPughClass.A)]
    [InlineData(6, ChildPughClass.A)]
    [InlineData(7, ChildPughClass.B)]
    [InlineData(9, ChildPughClass.B)]
    [InlineData(10, ChildPughClass.C)]
    [InlineData(15, ChildPughClass.C)]
    public void Class_cut_points(int points, ChildPughClass expected) => Assert.Equal(expected, ChildPugh.ClassFor(points));

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void There_is_no_class_outside_5_to_15(int points) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChildPugh.ClassFor(points));

    [Theory]
    // bilirubin, albumin, INR, ascites, HE → points per component, total, class
    [InlineData("20", "40", "1.1", Ascites.None, HepaticEncephalopathy.None, new[] { 1, 1, 1, 1, 1 }, 5, ChildPughClass.A)]
    [InlineData("34", "40", "1.1", Ascites.None, HepaticEncephalopathy.None, new[] { 2, 1, 1, 1, 1 }, 6, ChildPughClass.A)]
    [InlineData("34", "35", "1.1", Ascites.None, HepaticEncephalopathy.None, new[] { 2, 2, 1, 1, 1 }, 7, ChildPughClass.B)]
    [InlineData("51", "28", "1.7", Ascites.Mild, HepaticEncephalopathy.None, new[] { 2, 2, 2, 2, 1 }, 9, ChildPughClass.B)]
    [InlineData("51.1", "28", "1.7", Ascites.Mild, HepaticEncephalopathy.None, new[] { 3, 2, 2, 2, 1 }, 10, ChildPughClass.C)]
    [InlineData("60", "25", "2.31", Ascites.ModerateSevere, HepaticEncephalopathy.Grade3To4, new[] { 3, 3, 3, 3, 3 }, 15, ChildPughClass.C)]
    [InlineData("33.9", "35.1", "1.69", Ascites.None, HepaticEncephalopathy.Grade1To2, new[] { 1, 1, 1, 1, 2 }, 6, ChildPughClass.A)]
    public void Total_and_class_from_five_components(
        string bilirubin, string albumin, string inr, Ascites ascites, HepaticEncephalopathy he,
        int[] componentPoints, int total, ChildPughClass expectedClass)
    {
        var result = ChildPugh.Compute(D(bilirubin), D(albumin), D(inr), ascites, he);

        Assert.True(result.IsComputable);
        Assert.Equal(componentPoints,
            new[] { result.BilirubinPoints, result.AlbuminPoints, result.InrPoints, result.AscitesPoints, result.EncephalopathyPoints }.Select(p => p!.Value));
        Assert.Equal(total, result.Points);
        Assert.Equal(expectedClass, result.Class);
        Assert.Equal(total, result.MinimumPoints);
        Assert.Equal(total, result.MaximumPoints);
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void A_missing_component_is_never_scored_as_normal()
    {
        var result = ChildPugh.Compute(20m, null, 1.1m, Ascites.None, HepaticEncephalopathy.None);

        Assert.False(result.IsComputable);
        Assert.Null(result.Points);
        Assert.Null(result.AlbuminPoints);
        Assert.Equal(new[] { "albumin" }, result.Missing);
        Assert.Equal(5, result.MinimumPoints);
        Assert.Equal(7, result.MaximumPoints);
        Assert.Null(result.Class); // A or B depending on albumin
    }

    [Fact]
    public void All_components_missing_are_listed_in_order()
    {
        var result = ChildPugh.Compute(null, null, null, null, null);

        Assert.Equal(new[] { "bilirubin", "albumin", "inr", "ascites", "encephalopathy" }, result.Missing);
        Assert.Null(result.Points);
        Assert.Null(result.Class);
        Assert.Equal(5, result.MinimumPoints);
        Assert.Equal(15, result.MaximumPoints);
    }

    [Fact]
    public void Class_C_is_decided_when_known_components_already_reach_10()
    {
        var result = ChildPugh.Compute(60m, 25m, 2.5m, null, null);

        Assert.Null(result.Points);
        Assert.Equal(ChildPughClass.C, result.Class);
        Assert.Equal(11, result.MinimumPoints);
        Assert.Equal(15, result.MaximumPoints);
        Assert.Equal(new[] { "ascites", "encephalopathy" }, result.Missing);
    }

    [Fact]
    public void Class_B_is_decided_when_the_missing_component_cannot_leave_7_to_9()
    {
        // 2 + 2 + 1 + 1 = 6 known; encephalopathy adds 1–3 → 7–9.
        var result = ChildPugh.Compute(40m, 30m, 1.2m, Ascites.None, null);

        Assert.Null(result.Points);
        Assert.Equal(ChildPughClass.B, result.Class);
        Assert.Equal(new[] { "encephalopathy" }, result.Missing);
    }

    [Theory]
    [InlineData("-1", "40", "1.1", CalculatorErrorCodes.NegativeValue, "bilirubin")]
    [InlineData("20", "-5", "1.1", CalculatorErrorCodes.NegativeValue, "albumin")]
    [InlineData("20", "40", "0", CalculatorErrorCodes.NotPositive, "inr")]
    public void Unusable_values_are_problems_with_a_code_and_location(string bilirubin, string albumin, string inr, string code, string input)
    {
        var result = ChildPugh.Compute(D(bilirubin), D(albumin), D(inr), Ascites.None, HepaticEncephalopathy.None);

        Assert.False(result.IsComputable);
        Assert.Null(result.Class);
        Assert.Null(result.MinimumPoints);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(input, problem.Input);
    }

    [Fact]
    public void Undefined_enum_values_are_unrecognized()
    {
        var result = ChildPugh.Compute(20m, 40m, 1.1m, (Ascites)7, HepaticEncephalopathy.None);

        Assert.Null(result.Points);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CalculatorErrorCodes.UnrecognizedValue, problem.Code);
        Assert.Equal("ascites", problem.Input);
    }
}
