using System.Globalization;
using TaceCds.Rules.Runtime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TaceCds.Rules.Loading;

/// <summary>
/// Site configuration that is not clinical content: locally calibrated intercepts for models published without one.
/// Format: <c>intercepts: { ivim-resistance-2026: -2.1 }</c>. Errors use the RULE1xx codes with file:line.
/// </summary>
public static class CalibrationFile
{
    public const string EnvironmentVariable = "TACECDS_CALIBRATION";

    public static RuleEngineOptions Load(string path)
    {
        var diagnostics = new RuleDiagnostics();
        var intercepts = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(path))
            throw new RuleLoadException([new RuleError(RuleErrorCodes.NoRules, new SourceMark(path, 0, 0), "calibration file not found")]);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(path));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new RuleLoadException([new RuleError(RuleErrorCodes.YamlSyntax, new SourceMark(path, (int)e.Start.Line, (int)e.Start.Column), "YAML syntax error: " + e.Message)]);
        }
        if (stream.Documents.Count == 1 && Authoring.YamlMap.From(stream.Documents[0].RootNode, path, diagnostics, "a calibration file") is { } root)
        {
            if (root.Map("intercepts", required: true) is { } map)
            {
                foreach (var (id, node, mark) in map.Entries())
                {
                    if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                        intercepts[id] = value;
                    else
                        diagnostics.Add(RuleErrorCodes.BadValue, mark, $"intercept of '{id}' must be a number");
                }
            }
            root.Finish();
        }
        diagnostics.ThrowIfAny();
        return new RuleEngineOptions { LocalIntercepts = intercepts };
    }
}
