namespace TaceCds.Store.Records;

/// <summary>
/// One CDS Hooks 2.0.1 Feedback entry (§Feedback): what the clinician did with a card. The same card, outcome
/// and outcomeTimestamp twice is one record (clients may resend).
/// </summary>
public sealed record FeedbackRecord
{
    public required string ServiceId { get; init; }
    /// <summary>The card.uuid from our response.</summary>
    public required string CardUuid { get; init; }
    public required FeedbackOutcome Outcome { get; init; }
    /// <summary>suggestion.uuid values; required by the spec for accepted outcomes.</summary>
    public IReadOnlyList<string> AcceptedSuggestions { get; init; } = [];
    public OverrideReason? OverrideReason { get; init; }
    public required DateTimeOffset OutcomeTimestamp { get; init; }
    /// <summary>When we received it (service clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
    public string? ClientIssuer { get; init; }
}

public enum FeedbackOutcome { Accepted, Overridden }

/// <summary>overrideReason: a Coding chosen from the card's overrideReasons and/or a free-text userComment.</summary>
public sealed record OverrideReason(Coding? Reason, string? UserComment);

/// <summary>A FHIR-style Coding as CDS Hooks uses it (code required, system and display optional here).</summary>
public sealed record Coding(string? System, string Code, string? Display);
