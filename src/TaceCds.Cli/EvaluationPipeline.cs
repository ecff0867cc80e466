using System.Text.Json.Nodes;
using TaceCds.Clinical.Evaluation;
using TaceCds.Clinical.Terminology;
using TaceCds.Cli.Commands;
using TaceCds.Rules.Loading;
using TaceCds.Rules.Pipeline;

namespace TaceCds.Cli;

/// <summary>The CLI's access to <see cref="PatientPipeline"/>: rule packs loaded once per process, load errors as bad input.</summary>
public static class EvaluationPipeline
{
    private static readonly Lazy<PatientPipeline> Default = new(() => Load(null));

    /// <summary>
    /// Loads the rule packs and the value sets (built in, plus the site's <c>--terminology</c> files); a pack or value-set
    /// error is bad input (exit 2) naming file, place and code.
    /// </summary>
    public static PatientPipeline Load(string? rulesDirectory, IReadOnlyList<string>? terminologyPaths = null)
    {
        try
        {
            var terminology = terminologyPaths is { Count: > 0 } paths ? TerminologyLoader.Load(paths) : null;
            return PatientPipeline.Load(rulesDirectory, terminology);
        }
        catch (RuleLoadException e)
        {
            throw new InputException(e.Message);
        }
        catch (TerminologyException e)
        {
            throw new InputException(e.Message);
        }
    }

    public static JsonObject Evaluate(RecordInput input, DateOnly asOf) => Default.Value.Evaluate(input, asOf);

    /// <summary>The result of a clinical evaluation already made (callers that also need the facts evaluate once).</summary>
    public static JsonObject Complete(ClinicalEvaluation clinical) => Default.Value.Complete(clinical);
}
