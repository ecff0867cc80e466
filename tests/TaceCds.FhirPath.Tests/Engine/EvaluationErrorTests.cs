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
}
