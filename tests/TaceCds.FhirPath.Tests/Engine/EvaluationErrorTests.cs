namespace TaceCds.FhirPath.Tests.Engine;

/// <summary>Evaluation errors carry a stable code and the text of the sub-expression that failed.</summary>
public sealed class EvaluationErrorTests
{
    private const string Patient = """{"resourceType":"Patient","name":[{"given":["Ann","Bea"]},{"given":["Cy"]}],"birthDate":"1970-05-01"}""";

    [Fact]
    public void SingletonExpectedNamesTheOperand()
    {
        var e = Assert.Throws<FhirPathException>(() => TestData.Eval("Patient.name.given + 'x'", Patient));
        Assert.Equal("FP201", e.Code);
        Assert.Equal("Patient.name.given", e.SubExpression);
        Assert.Null(e.Position);
    }

    [Fact]
    public void TypeMismatchNamesTheExpression()
    {
        var e = Assert.Throws<FhirPathException>(() => TestData.Eval("1 < 'a'"));
        Assert.Equal("FP202", e.Code);
        Assert.Equal("1 < 'a'", e.SubExpression);
    }

    [Fact]
    public void UnknownVariableIsFP204()
    {
        var e = Assert.Throws<FhirPathException>(() => TestData.Eval("%nothing.here"));
        Assert.Equal("FP204", e.Code);
        Assert.Equal("%nothing", e.SubExpression);
    }

    [Fact]
    public void DateArithmeticWithNonCalendarUcumUnitIsFP203()
    {
        var e = Assert.Throws<FhirPathException>(() => TestData.Eval("@2024-01-01 + 1 'mo'"));
        Assert.Equal("FP203", e.Code);
    }

    [Fact]
    public void InvalidRegexIsFP205()
    {
        Assert.Equal("FP205", Assert.Throws<FhirPathException>(() => TestData.Eval("'abc'.matches('(')")).Code);
    }

    [Fact]
    public void ConditionThatIsNotBooleanIsAnError()
    {
        var context = new FhirPathContext(TestData.AsOf);
        var json = TestData.Json(Patient);
        Assert.Equal("FP202", Assert.Throws<FhirPathException>(() => FhirPathCompiler.Compile("birthDate").EvaluateBoolean(json, context)).Code);
        Assert.Equal("FP201", Assert.Throws<FhirPathException>(() => FhirPathCompiler.Compile("name.exists() | true | false").EvaluateBoolean(json, context)).Code);
    }

    [Fact]
    public void HugeExponentsFinishAndOverflowIsEmpty()
    {
        Assert.Equal(["1"], TestData.Strings(TestData.Eval("1.power(2000000000)")));
        Assert.Equal(["1024"], TestData.Strings(TestData.Eval("2.power(10)")));
        Assert.Empty(TestData.Eval("2.power(40)"));
    }

    [Fact]
    public void QuadraticCollectionWorkIsBounded()
    {
        // 20 000 distinct strings: union would need 400 million comparisons.
        var values = string.Join(",", Enumerable.Range(0, 20_000).Select(i => "\"v" + i + "\""));
        var context = new FhirPathContext(TestData.AsOf).SetVariable("many", TestData.Json("{\"v\":[" + values + "]}"));
        var e = Assert.Throws<FhirPathException>(() => FhirPathCompiler.Compile("%many.v | %many.v").Evaluate(default(System.Text.Json.JsonElement), context));
        Assert.Equal("FP206", e.Code);
    }
}
