using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>The <c>source</c> of the service's own cards: label, the rule's citation link and a topic Coding.</summary>
public static class CardSources
{
    public const string Label = "TaceCds";
    /// <summary>The project's code system for card topics (one code per card kind).</summary>
    public const string TopicSystem = "https://tacecds.org/fhir/CodeSystem/cds-card-topic";

    public static JsonObject For(string topicCode, string topicDisplay, Citation citation) => new()
    {
        ["label"] = Label,
        ["url"] = citation.Url,
        ["topic"] = new JsonObject { ["system"] = TopicSystem, ["code"] = topicCode, ["display"] = topicDisplay },
    };
}
