using System.Collections;
using System.Globalization;
using System.Reflection;
using TaceCds.Fhir.Model;

namespace TaceCds.Fhir.Tests;

/// <summary>Deep equality of model objects over their public properties (Resource.Json excluded); decimals must
/// also match in scale, so a lost trailing zero is a difference.</summary>
public static class ModelAssert
{
    public static void Equal(object? expected, object? actual) => Compare(expected, actual, "$");

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: expected {expected ?? "null"}, got {actual ?? "null"}");
            return;
        }
        Assert.True(expected.GetType() == actual.GetType(), $"{path}: type {expected.GetType().Name} vs {actual.GetType().Name}");
        switch (expected)
        {
            case decimal d:
                Assert.True(d.ToString(CultureInfo.InvariantCulture) == ((decimal)actual).ToString(CultureInfo.InvariantCulture), $"{path}: {d} vs {actual}");
                return;
            case string or bool or int or long or DateTimeOffset or DateOnly or Enum or FhirDateTime:
                Assert.True(expected.Equals(actual), $"{path}: '{expected}' vs '{actual}'");
                return;
            case IEnumerable list:
                var a = list.Cast<object?>().ToList();
                var b = ((IEnumerable)actual).Cast<object?>().ToList();
                Assert.True(a.Count == b.Count, $"{path}: {a.Count} items vs {b.Count}");
                for (int i = 0; i < a.Count; i++) Compare(a[i], b[i], $"{path}[{i}]");
                return;
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == nameof(Resource.Json) || property.GetIndexParameters().Length > 0) continue;
            Compare(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
        }
    }
}
