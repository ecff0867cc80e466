using System.Text.Json.Nodes;

namespace TaceCds.Service.Cards;

/// <summary>The <c>source</c> of the service's own cards: label, the rule's citation link and a topic Coding.</summary>
public static class CardSources
{
    public const string Label = "TaceCds";
    /// <summary>The project's code system for card topics (one code per card kind).</summary>
    public const string TopicSystem = "https://tacecds.org/fhir/CodeSystem/cds-card-topic";

    public static JsonObject For(string topicCode, string topicDisplay, Citation citation)
    {
        var source = new JsonObject { ["label"] = Label };
        // Without a verified link the member is left out (never null); the card detail says "no verified link".
        if (citation.Url is { } url) source["url"] = url;
        source["topic"] = new JsonObject { ["system"] = TopicSystem, ["code"] = topicCode, ["display"] = topicDisplay };
        return source;
    }
}
