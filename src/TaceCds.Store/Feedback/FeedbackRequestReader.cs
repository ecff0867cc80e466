using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TaceCds.Store.Records;

namespace TaceCds.Store.Feedback;

/// <summary>
/// Reads the body of <c>POST {baseUrl}/cds-services/{id}/feedback</c> (CDS Hooks 2.0.1 §Feedback) into records.
/// All or nothing: one invalid entry refuses the batch with a stable code and its location, so a client never has
/// to guess which part was kept. Unknown members (e.g. <c>extension</c>) are ignored.
/// </summary>
public static partial class FeedbackRequestReader
{
    /// <summary>Entries per request; a client reporting more splits its batch.</summary>
    public const int MaxEntries = 500;
    public const int MaxIdLength = 200;
    public const int MaxCommentLength = 4000;

    // RFC 3339 §5.6 date-time; the spec wants UTC, an explicit offset is converted rather than refused.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    public static IReadOnlyList<FeedbackRecord> Read(JsonElement body, string serviceId, string? clientIssuer, DateTimeOffset receivedAt)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("feedback", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new FeedbackException("FB101", "$", "the body must be an object with a \"feedback\" array");
        var count = list.GetArrayLength();
        if (count == 0) throw new FeedbackException("FB101", "feedback", "the feedback array is empty");
        if (count > MaxEntries) throw new FeedbackException("FB101", "feedback", $"more than {MaxEntries} entries; send smaller batches");
        var records = new List<FeedbackRecord>(count);
        var i = 0;
        foreach (var entry in list.EnumerateArray())
        {
            records.Add(ReadEntry(entry, $"feedback[{i}]", serviceId, clientIssuer, receivedAt));
            i++;
        }
        return records;
    }

    private static FeedbackRecord ReadEntry(JsonElement e, string at, string serviceId, string? clientIssuer, DateTimeOffset receivedAt)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FeedbackException("FB101", at, "each feedback entry must be an object");
        var card = Id(e, "card", at, "FB102");
        var outcome = Text(e, "outcome") switch
        {
            "accepted" => FeedbackOutcome.Accepted,
            "overridden" => FeedbackOutcome.Overridden,
            _ => throw new FeedbackException("FB103", at + ".outcome", "outcome must be \"accepted\" or \"overridden\""),
        };
        var timestamp = Timestamp(e, at + ".outcomeTimestamp");

        var accepted = new List<string>();
        if (e.TryGetProperty("acceptedSuggestions", out var suggestions))
        {
            if (suggestions.ValueKind != JsonValueKind.Array)
                throw new FeedbackException("FB105", at + ".acceptedSuggestions", "acceptedSuggestions must be an array");
            var j = 0;
            foreach (var s in suggestions.EnumerateArray())
            {
                var where = $"{at}.acceptedSuggestions[{j++}]";
                if (s.ValueKind != JsonValueKind.Object) throw new FeedbackException("FB105", where, "each accepted suggestion must be an object with an id");
                accepted.Add(Id(s, "id", where, "FB105"));
            }
        }
        if (outcome == FeedbackOutcome.Accepted && accepted.Count == 0)
            throw new FeedbackException("FB105", at + ".acceptedSuggestions", "an accepted outcome needs acceptedSuggestions (CDS Hooks 2.0.1 §Feedback)");
        if (outcome == FeedbackOutcome.Overridden && accepted.Count > 0)
            throw new FeedbackException("FB105", at + ".acceptedSuggestions", "an overridden card has no accepted suggestions");

        OverrideReason? reason = null;
        if (e.TryGetProperty("overrideReason", out var o))
        {
            if (outcome != FeedbackOutcome.Overridden)
                throw new FeedbackException("FB106", at + ".overrideReason", "overrideReason belongs to an overridden outcome");
            reason = ReadOverrideReason(o, at + ".overrideReason");
        }
        return new FeedbackRecord
        {
            ServiceId = serviceId, CardUuid = card, Outcome = outcome, OutcomeTimestamp = timestamp, AcceptedSuggestions = accepted,
            OverrideReason = reason, ReceivedAt = receivedAt, ClientIssuer = clientIssuer,
        };
    }

    private static OverrideReason ReadOverrideReason(JsonElement o, string at)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new FeedbackException("FB106", at, "overrideReason must be an object");
        Coding? coding = null;
        if (o.TryGetProperty("reason", out var r))
        {
            if (r.ValueKind != JsonValueKind.Object) throw new FeedbackException("FB106", at + ".reason", "reason must be a Coding object");
            coding = new Coding(OptionalText(r, "system", at + ".reason"), Id(r, "code", at + ".reason", "FB106"), OptionalText(r, "display", at + ".reason"));
        }
        var comment = OptionalText(o, "userComment", at);
        if (comment is { Length: > MaxCommentLength }) throw new FeedbackException("FB106", at + ".userComment", $"userComment longer than {MaxCommentLength} characters");
        if (coding is null && comment is null) throw new FeedbackException("FB106", at, "overrideReason needs a reason or a userComment");
        return new OverrideReason(coding, comment);
    }

    private static DateTimeOffset Timestamp(JsonElement e, string at)
    {
        var text = Text(e, "outcomeTimestamp");
        if (text is null || !Rfc3339().IsMatch(text))
            throw new FeedbackException("FB104", at, "outcomeTimestamp must be an RFC 3339 date-time, e.g. 2021-12-11T10:05:31Z");
        // .NET keeps 7 fractional digits; cut longer fractions instead of refusing them.
        var normalized = Regex.Replace(text, @"\.(\d{7})\d+", ".$1");
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            throw new FeedbackException("FB104", at, "outcomeTimestamp is not a valid date-time");
        return t.ToUniversalTime();
    }

    private static string Id(JsonElement obj, string name, string at, string code)
    {
        var value = Text(obj, name);
        if (string.IsNullOrWhiteSpace(value)) throw new FeedbackException(code, $"{at}.{name}", $"{name} must be a non-empty string");
        if (value.Length > MaxIdLength) throw new FeedbackException(code, $"{at}.{name}", $"{name} longer than {MaxIdLength} characters");
        return value;
    }

    private static string? OptionalText(JsonElement obj, string name, string at)
    {
        if (!obj.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.String || v.GetString() is not { Length: > 0 } s)
            throw new FeedbackException("FB106", $"{at}.{name}", $"{name} must be a non-empty string when present");
        return s;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// An invalid feedback request: FB101 shape, FB102 card, FB103 outcome, FB104 outcomeTimestamp,
/// FB105 acceptedSuggestions, FB106 overrideReason. <see cref="Location"/> is a JSON path into the body.
/// </summary>
public sealed class FeedbackException(string code, string location, string message) : Exception($"{code} at {location}: {message}")
{
    public string Code { get; } = code;
    public string Location { get; } = location;
    public string Reason { get; } = message;
}
