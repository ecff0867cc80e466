namespace TaceCds.FhirPath.Tests.Engine;

/// <summary>Malformed expressions fail with a stable code and a position, never a crash or a hang.</summary>
public sealed class SyntaxErrorTests
{
    private static FhirPathException CompileError(string text) =>
        Assert.Throws<FhirPathException>(() => FhirPathCompiler.Compile(text));

    [Theory]
    [InlineData("Patient.name.where(", "FP101", 19)]
    [InlineData("(1 + 2", "FP101", 6)]
    [InlineData("1 + 2)", "FP101", 5)]
    [InlineData("Patient..name", "FP101", 8)]
    [InlineData("2 + 2 /", "FP101", 7)]
    [InlineData("name.given #", "FP101", 11)]
    [InlineData("'abc", "FP102", 0)]
    [InlineData("2 + 2 /* open", "FP102", 6)]
    [InlineData("@2024-13-01", "FP103", 0)]
    [InlineData("", "FP101", 0)]
    public void SyntaxErrorsNameCodeAndPosition(string text, string code, int position)
    {
        var e = CompileError(text);
        Assert.Equal(code, e.Code);
        Assert.Equal(position, e.Position);
        Assert.Contains($"position {position}", e.Message);
    }

    [Fact]
    public void UnknownFunctionIsFP110AtItsPosition()
    {
        var e = CompileError("Patient.name.frobnicate()");
        Assert.Equal("FP110", e.Code);
        Assert.Equal(0, e.Position);
        Assert.Contains("frobnicate", e.Message);
    }

    [Fact]
    public void WrongArgumentCountIsFP111()
    {
        Assert.Equal("FP111", CompileError("name.where()").Code);
        Assert.Equal("FP111", CompileError("'a'.substring(1, 2, 3)").Code);
    }

    [Fact]
    public void UnknownTypeIsFP112()
    {
        Assert.Equal("FP112", CompileError("Patient.gender.as(string1)").Code);
        Assert.Equal("FP112", CompileError("1 is Foo.Bar").Code);
    }

    [Fact]
    public void TenThousandNestedParenthesesGiveFP104()
    {
        var text = new string('(', 10_000) + "1" + new string(')', 10_000);
        Assert.Equal("FP104", CompileError(text).Code);
    }

    [Fact]
    public void DeepUnaryAndLongChainsGiveFP104()
    {
        Assert.Equal("FP104", CompileError(string.Concat(Enumerable.Repeat("-", 5000)) + "1").Code);
        Assert.Equal("FP104", CompileError("a" + string.Concat(Enumerable.Repeat(".a", 20_000))).Code);
        Assert.Equal("FP104", CompileError("1" + string.Concat(Enumerable.Repeat(" + 1", 10_000))).Code);
    }

    [Fact]
    public void ModeratelyNestedExpressionsStillCompile()
    {
        var text = new string('(', 100) + "1" + new string(')', 100);
        Assert.Equal("1", TestData.Strings(TestData.Eval(text)).Single());
    }

    [Fact]
    public void OneMegabyteStringGivesFP105()
    {
        var text = "'" + new string('x', 1024 * 1024) + "'";
        Assert.Equal("FP105", CompileError(text).Code);
    }
}
