using System.Text.Json;
using System.Text.Json.Nodes;
using TaceCds.Rules.Model;

namespace TaceCds.Rules.Runtime;

/// <summary>
/// Binds <c>%definitions</c> and <c>%models</c> for a pack that uses other packs: the results of exactly the packs it
/// declares in <c>uses:</c>, already evaluated (the engine runs packs in dependency order). Each definition and each
/// of its criteria also gets <c>met</c>: true when met, false when not met, and absent when the data was insufficient,
/// so that <c>%definitions.`x`.met</c> is three-valued in FHIRPath (empty stays unknown, never false).
/// </summary>
internal static class UsedResults
{
    public static void Bind(EvaluationState state, RulePack pack, JsonObject definitions, JsonObject models)
    {
        var usedDefinitions = new JsonObject();
        var usedModels = new JsonObject();
        foreach (var use in pack.Uses)
        {
            if (definitions[use.Id] is JsonObject d) usedDefinitions[use.Id] = WithMet(d);
            if (models[use.Id] is JsonNode m) usedModels[use.Id] = m.DeepClone();
        }
        state.Bind("definitions", JsonSerializer.SerializeToElement(usedDefinitions));
        state.Bind("models", JsonSerializer.SerializeToElement(usedModels));
    }

    private static JsonObject WithMet(JsonObject definition)
    {
        var copy = (JsonObject)definition.DeepClone();
        AddMet(copy);
        foreach (var (_, criterion) in copy["criteria"] as JsonObject ?? [])
            if (criterion is JsonObject c) AddMet(c);
        return copy;
    }

    private static void AddMet(JsonObject outcome)
    {
        switch (outcome["status"]?.GetValue<string>())
        {
            case RuleStatus.Met: outcome["met"] = true; break;
            case RuleStatus.NotMet: outcome["met"] = false; break;
        }
    }
}
