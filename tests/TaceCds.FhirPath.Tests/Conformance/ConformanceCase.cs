using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TaceCds.FhirPath.Tests.Conformance;

/// <summary>One expected result item: its text and whether YAML quoted it (a quoted '1' is a String, a plain 1 a number).</summary>
internal sealed record ExpectedItem(string Text, bool Quoted);

/// <summary>A case of the HL7 FHIRPath R4 suite in the fhirpath.js YAML form.</summary>
internal sealed record ConformanceCase(
    string Name, string Group, string Expression, string? InputFile, bool ExpectError,
    IReadOnlyList<ExpectedItem> Expected, bool DisabledUpstream)
{
    /// <summary>Reads fhir-r4.yaml: <c>tests: [ { 'group: X': [cases], disable? } ]</c>.</summary>
    public static IReadOnlyList<ConformanceCase> Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var cases = new List<ConformanceCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var groupNode in ((YamlSequenceNode)root["tests"]).Children.Cast<YamlMappingNode>())
        {
            var groupDisabled = groupNode.Children.TryGetValue(new YamlScalarNode("disable"), out var gd) && ((YamlScalarNode)gd).Value == "true";
            foreach (var (key, value) in groupNode.Children)
            {
                var keyText = ((YamlScalarNode)key).Value ?? "";
                if (!keyText.StartsWith("group: ", StringComparison.Ordinal))
                    continue;
                var group = keyText["group: ".Length..];
                foreach (var caseNode in ((YamlSequenceNode)value).Children.Cast<YamlMappingNode>())
                {
                    var c = Parse(caseNode, group, groupDisabled);
                    var name = c.Name;
                    for (var i = 2; !names.Add(name); i++)
                        name = $"{c.Name} #{i}";
                    cases.Add(c with { Name = name });
                }
            }
        }
        return cases;
    }

    private static ConformanceCase Parse(YamlMappingNode node, string group, bool groupDisabled)
    {
        string? Scalar(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
        var expected = new List<ExpectedItem>();
        if (node.Children.TryGetValue(new YamlScalarNode("result"), out var result) && result is YamlSequenceNode items)
        {
            foreach (var item in items.Children)
            {
                var scalar = (YamlScalarNode)item;
                var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
                expected.Add(new ExpectedItem(scalar.Value ?? "", quoted));
            }
        }
        var desc = (Scalar("desc") ?? "").Trim();
        if (desc.StartsWith("** ", StringComparison.Ordinal))
            desc = desc[3..];
        return new ConformanceCase(desc, group, Scalar("expression") ?? "", Scalar("inputfile"),
            Scalar("error") == "true", expected, groupDisabled || Scalar("disable") == "true");
    }
}
