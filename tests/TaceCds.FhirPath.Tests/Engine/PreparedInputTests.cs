using System.Collections.Concurrent;
using TaceCds.FhirPath.Tests.Conformance;

namespace TaceCds.FhirPath.Tests.Engine;

/// <summary>Prepared inputs remember navigations; results must be exactly those of a fresh evaluation, every time.</summary>
public sealed class PreparedInputTests
{
    private static readonly string[] Expressions =
    [
        "Patient.name.given",
        "Patient.name.where(use = 'official').family",
        "Patient.telecom.where(system = 'phone').value.count()",
        "Patient.birthDate < @2000-01-01",
        "Patient.descendants().count()",
        "Patient.name.given.select($this.length())",
        "Patient.contact.name.family.extension.value",
    ];

    [Fact]
    public void PreparedAndFreshEvaluationsAgreeRepeatedly()
    {
        var json = ConformanceRunner.LoadResource("patient-example.json");
        var prepared = FhirPathInput.Prepare(json);
        var context = new FhirPathContext(TestData.AsOf);
        for (var round = 0; round < 3; round++)
        {
            foreach (var text in Expressions)
            {
                var expression = FhirPathCompiler.Compile(text);
                var fresh = FhirPathJson.ToJsonArray(expression.Evaluate(json, context));
                Assert.Equal(fresh, FhirPathJson.ToJsonArray(expression.Evaluate(prepared, context)));
            }
        }
    }

    [Fact]
    public void PreparedInputIsSafeToShareAcrossThreads()
    {
        var json = ConformanceRunner.LoadResource("patient-example.json");
        var prepared = FhirPathInput.Prepare(json);
        var expected = Expressions.Select(t => FhirPathJson.ToJsonArray(FhirPathCompiler.Compile(t).Evaluate(json, new FhirPathContext(TestData.AsOf)))).ToArray();
        var mismatches = new ConcurrentBag<string>();
        Parallel.For(0, 200, i =>
        {
            var k = i % Expressions.Length;
            var actual = FhirPathJson.ToJsonArray(FhirPathCompiler.Compile(Expressions[k]).Evaluate(prepared, new FhirPathContext(TestData.AsOf)));
            if (actual != expected[k])
                mismatches.Add(Expressions[k]);
        });
        Assert.Empty(mismatches);
    }

    [Fact]
    public void MissingMemberIsReportedOnEveryEvaluationOfAPreparedVariable()
    {
        var missing = new List<string>();
        var context = new FhirPathContext(TestData.AsOf) { MissingMember = missing.Add }
            .SetVariable("course", TestData.Json("""{ "consecutiveSessions": 2 }"""));
        var condition = FhirPathCompiler.Compile("%course.baseline.date < @2024-02-01");
        Assert.Null(condition.EvaluateBoolean(default(System.Text.Json.JsonElement), context));
        Assert.Null(condition.EvaluateBoolean(default(System.Text.Json.JsonElement), context));
        Assert.Equal(["course.baseline", "course.baseline"], missing);
    }
}
