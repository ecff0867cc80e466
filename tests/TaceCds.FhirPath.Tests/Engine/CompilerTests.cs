using System.Collections.Concurrent;

namespace TaceCds.FhirPath.Tests.Engine;

public sealed class CompilerTests
{
    [Fact]
    public void CompilingTheSameTextReturnsTheSameObject()
    {
        var a = FhirPathCompiler.Compile("Observation.value.ofType(Quantity).value > 2.0");
        var b = FhirPathCompiler.Compile("Observation.value.ofType(Quantity).value > 2.0");
        Assert.Same(a, b);
        Assert.NotSame(a, FhirPathCompiler.Compile("Observation.value.ofType(Quantity).value > 3.0"));
    }

    [Fact]
    public void CacheIsThreadSafe()
    {
        var seen = new ConcurrentBag<FhirPathExpression>();
        Parallel.For(0, 64, i => seen.Add(FhirPathCompiler.Compile("name.given.count() = " + (i % 4))));
        Assert.Equal(4, seen.Distinct().Count());
    }

    [Fact]
    public void CompiledExpressionEvaluatesConcurrently()
    {
        var expr = FhirPathCompiler.Compile("name.where(use = 'official').given.first()");
        var json = TestData.Json("""{"resourceType":"Patient","name":[{"use":"usual","given":["Al"]},{"use":"official","given":["Alan"]}]}""");
        var results = new ConcurrentBag<string>();
        Parallel.For(0, 100, _ => results.Add(expr.Evaluate(json, new FhirPathContext(TestData.AsOf)).Single().ToString()));
        Assert.All(results, r => Assert.Equal("Alan", r));
    }

    [Fact]
    public void TraceReportsToTheContextTracer()
    {
        var traces = new List<(string Name, int Count)>();
        var context = new FhirPathContext(TestData.AsOf) { Tracer = (name, values) => traces.Add((name, values.Count)) };
        var result = TestData.Eval("(1 | 2 | 3).trace('numbers').count()", context: context);
        Assert.Equal(["3"], TestData.Strings(result));
        Assert.Equal([("numbers", 3)], traces);
    }

    [Theory]
    [InlineData("1 'mg/dL' = 10 'mg/L'", "true")]
    [InlineData("2.5 'mm' < 1 'cm'", "true")]
    [InlineData("1 'wk' = 7 days", "true")]
    [InlineData("1 'kg' = 1 'm'", "")]
    [InlineData("@2024-01-31 + 1 month", "2024-02-29")]
    [InlineData("(@2024-01-01T10:00:00+02:00 = @2024-01-01T08:00:00Z)", "true")]
    [InlineData("@2024-01 = @2024-01-15", "")]
    public void UnitsAndDates(string text, string expected) =>
        Assert.Equal(expected, string.Join(",", TestData.Strings(TestData.Eval(text))));
}
