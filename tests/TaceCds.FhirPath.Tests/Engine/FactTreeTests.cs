using TaceCds.FhirPath.Values;

namespace TaceCds.FhirPath.Tests.Engine;

/// <summary>Rule conditions over the engine's fact tree: plain JSON passed as %variables.</summary>
public sealed class FactTreeTests
{
    private const string Course = """
        {
          "consecutiveSessions": 3,
          "baseline": { "date": "2024-01-15", "targetSumMm": 52.5 },
          "assessments": [
            { "date": "2024-02-20", "targetSumMm": 40.0, "response": "PR" },
            { "date": "2024-04-02T10:30:00Z", "targetSumMm": 38, "response": "SD" }
          ],
          "flags": { "ascites": false }
        }
        """;

    private static FhirPathContext Context() =>
        new FhirPathContext(TestData.AsOf).SetVariable("course", TestData.Json(Course));

    private static bool? Condition(string text, FhirPathContext? context = null) =>
        FhirPathCompiler.Compile(text).EvaluateBoolean(default(System.Text.Json.JsonElement), context ?? Context());

    [Theory]
    [InlineData("%course.consecutiveSessions >= 3", true)]
    [InlineData("%course.consecutiveSessions > 3", false)]
    [InlineData("%course.assessments.last().targetSumMm = 38", true)]
    [InlineData("%course.assessments.first().targetSumMm < %course.baseline.targetSumMm * 0.8", true)]
    [InlineData("%course.baseline.date < @2024-02-01", true)]
    [InlineData("%course.baseline.date > @2024-02-01", false)]
    [InlineData("%course.baseline.date = @2024-01-15", true)]
    [InlineData("%course.assessments.last().date > @2024-04-01T00:00:00Z", true)]
    [InlineData("%course.baseline.date.toDate() + 30 days < @2024-02-20", true)]
    [InlineData("%course.assessments.where(response = 'PR').exists()", true)]
    [InlineData("%course.flags.ascites", false)]
    [InlineData("%course.assessments.count() = 2", true)]
    public void ConditionsOverFacts(string text, bool expected) => Assert.Equal(expected, Condition(text));

    [Fact]
    public void NumbersAreIntegerOrDecimalAsWritten()
    {
        var context = Context();
        Assert.IsType<IntegerValue>(FhirPathCompiler.Compile("%course.consecutiveSessions").Evaluate(default(System.Text.Json.JsonElement), context).Single());
        var sum = Assert.IsType<DecimalValue>(FhirPathCompiler.Compile("%course.baseline.targetSumMm").Evaluate(default(System.Text.Json.JsonElement), context).Single());
        Assert.Equal(52.5m, sum.Value);
    }

    [Fact]
    public void MissingInputIsEmptyAndConditionUnknown()
    {
        Assert.Null(Condition("%course.progression.date < @2024-02-01"));
    }

    [Fact]
    public void MissingMemberHookRecordsTheFirstEmptyNavigation()
    {
        var missing = new List<string>();
        var context = new FhirPathContext(TestData.AsOf)
        {
            MissingMember = missing.Add,
        }.SetVariable("course", TestData.Json("""{ "consecutiveSessions": 2 }"""));
        Assert.Null(Condition("%course.baseline.date < @2024-02-01 and %course.consecutiveSessions >= 1", context));
        Assert.Equal(["course.baseline"], missing);
    }

    [Fact]
    public void MissingMemberHookIsSilentWhenEverythingIsPresent()
    {
        var missing = new List<string>();
        var context = Context();
        context.MissingMember = missing.Add;
        Assert.Equal(true, Condition("%course.baseline.date < @2024-02-01", context));
        Assert.Empty(missing);
    }

    [Fact]
    public void PrimitiveVariables()
    {
        var context = new FhirPathContext(TestData.AsOf)
            .SetVariable("threshold", 2.0m)
            .SetVariable("label", "BCLC-B")
            .SetVariable("on", new DateOnly(2024, 1, 31))
            .SetVariable("none", null);
        Assert.Equal(true, Condition("3 > %threshold and %label.startsWith('BCLC') and %on = @2024-01-31 and %none.empty()", context));
    }

    [Fact]
    public void TodayAndNowComeFromAsOfNotTheClock()
    {
        var context = new FhirPathContext(new DateTimeOffset(2031, 12, 31, 23, 59, 0, TimeSpan.FromHours(-5)));
        Assert.Equal(["2031-12-31"], TestData.Strings(TestData.Eval("today()", context: context)));
        Assert.Equal(["2031-12-31T23:59:00.000-05:00"], TestData.Strings(TestData.Eval("now()", context: context)));
    }
}
