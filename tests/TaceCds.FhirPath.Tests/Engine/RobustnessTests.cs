using TaceCds.FhirPath.Tests.Conformance;

namespace TaceCds.FhirPath.Tests.Engine;

/// <summary>Random token soup (fixed seed) must compile and run or fail with a FhirPathException, never anything else.</summary>
public sealed class RobustnessTests
{
    private static readonly string[] Tokens =
    [
        "Patient", "name", "given", "family", "telecom", "birthDate", "value", ".", ".", "(", ")", "[", "]", "{", "}", ",",
        "+", "-", "*", "/", "div", "mod", "&", "|", "=", "!=", "~", "<", ">=", "and", "or", "xor", "implies", "is", "as",
        "in", "contains", "where(", "select(", "exists(", "first()", "count()", "ofType(", "iif(", "substring(", "repeat(",
        "aggregate(", "$this", "$index", "$total", "%resource", "%ucum", "1", "2.5", "'a'", "'b'", "@2024-01-01", "@T10:00",
        "5 'mg'", "3 days", "true", "false", "String", "Quantity", "HumanName", "toString()", "toInteger()", "not()",
        "descendants()", "children()", "sort(", "lowBoundary()", "matches('[a-z]+')", "split(',')", "join('-')", "today()",
    ];

    [Fact]
    public void RandomExpressionsNeverThrowAnythingButFhirPathException()
    {
        var random = new Random(20240311);
        var json = ConformanceRunner.LoadResource("patient-example.json");
        var context = new FhirPathContext(TestData.AsOf);
        int compiled = 0, evaluated = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Tokens[random.Next(Tokens.Length)]));
            FhirPathExpression expression;
            try
            {
                expression = FhirPathCompiler.Compile(text);
                compiled++;
            }
            catch (FhirPathException e)
            {
                Assert.StartsWith("FP1", e.Code);
                continue;
            }
            try
            {
                expression.Evaluate(json, context);
                evaluated++;
            }
            catch (FhirPathException e)
            {
                Assert.True(e.Code.StartsWith("FP2", StringComparison.Ordinal) || e.Code == "FP112", $"{text}: {e.Message}");
                Assert.NotEqual("FP299", e.Code);
            }
        }
        Assert.True(compiled > 100 && evaluated > 50, $"only {compiled} compiled and {evaluated} evaluated: the generator is too weak");
    }
}
