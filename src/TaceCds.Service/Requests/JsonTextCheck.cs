using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using TaceCds.Service.Errors;

namespace TaceCds.Service.Requests;

/// <summary>
/// What <see cref="JsonDocument"/> lets through but a request body must not hold, checked in one pass over the bytes
/// before the body is read as a document:
/// <list type="bullet">
/// <item>strings and member names that are not Unicode text — a lone surrogate escape (<c>"\ud800"</c>), invalid or
/// overlong UTF-8 — which would otherwise fail later, wherever the value is first read (CDS112);</item>
/// <item>the same member twice in one object (CDS113): which one counts is undefined in JSON (RFC 8259 §4), so two
/// readers of one body could see two different requests; FHIR files are refused for the same reason.</item>
/// </list>
/// Each refusal names the member by its JSON path (e.g. <c>context.patientId</c>, <c>prefetch.patient.entry[3]</c>).
/// Syntax errors are left to the document parser, which reports them as CDS101.
/// </summary>
public static class JsonTextCheck
{
    public static void Check(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        // One frame per open object or array: its path, its member names (objects) or next index (arrays).
        var frames = new Stack<Frame>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(frames);
                        var path = CurrentPath(frames, pendingName);
                        pendingName = null;
                        frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = Text(ref reader) ?? throw BadUnicode(Join(frame.Path, "") is { Length: > 0 } p ? p : "$", "a member name");
                        if (!frame.Names!.Add(name))
                            throw CdsProblem.BadRequest(CdsErrorCodes.DuplicateMember, Join(frame.Path, name),
                                $"member '{Shorten(name)}' appears twice in the same object; a JSON object's member names must be unique", "structure");
                        pendingName = name;
                        break;
                    case JsonTokenType.String:
                        Advance(frames);
                        if (!IsText(ref reader)) throw BadUnicode(CurrentPath(frames, pendingName) is { Length: > 0 } at ? at : "$", "the value");
                        pendingName = null;
                        break;
                    default:
                        Advance(frames);
                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not well-formed: the document parser that follows reports it with line and byte (CDS101).
        }
    }

    // Whether a string value is valid Unicode, without materialising it when it has no escapes (the common case).
    private static bool IsText(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && !reader.HasValueSequence ? Utf8.IsValid(reader.ValueSpan) : Text(ref reader) is not null;

    // The token's text, or null when it is not valid Unicode (bad UTF-8 as written, or escapes decoding to a lone surrogate).
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence) return Utf8.IsValid(reader.ValueSpan) ? reader.GetString() : null;
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // A value starts: in an array it takes the next index.
    private static void Advance(Stack<Frame> frames)
    {
        if (frames.Count > 0 && frames.Peek().Names is null) frames.Peek().NextIndex++;
    }

    // The path of the value just started (after Advance). Built only for containers and errors: a large array of
    // numbers or strings costs no string per element.
    private static string CurrentPath(Stack<Frame> frames, string? name)
    {
        if (frames.Count == 0) return "";
        var parent = frames.Peek();
        if (parent.Names is not null) return Join(parent.Path, name ?? "");
        return $"{(parent.Path.Length == 0 ? "$" : parent.Path)}[{parent.NextIndex - 1}]";
    }

    private static string Join(string parent, string name) => parent.Length == 0 ? name : name.Length == 0 ? parent : parent + "." + name;

    private static CdsProblem BadUnicode(string path, string what) =>
        CdsProblem.BadRequest(CdsErrorCodes.InvalidUnicode, path,
            $"{what} at {path} is not valid Unicode text (a lone surrogate escape such as \\ud800, or invalid or overlong UTF-8)", "structure");

    // Member names are client text: echo a short, printable prefix only.
    private static string Shorten(string value)
    {
        var sb = new StringBuilder();
        foreach (var c in value.Length <= 64 ? value : value[..64]) sb.Append(char.IsControl(c) ? '?' : c);
        return value.Length <= 64 ? sb.ToString() : sb + "…";
    }

    private sealed class Frame(string path, HashSet<string>? names)
    {
        public string Path { get; } = path;
        /// <summary>Member names seen so far; null for an array.</summary>
        public HashSet<string>? Names { get; } = names;
        public int NextIndex { get; set; }
    }
}
