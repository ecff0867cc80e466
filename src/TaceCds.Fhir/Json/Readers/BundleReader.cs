using System.Text.Json;
using TaceCds.Fhir.Model;
using P = TaceCds.Fhir.Json.Readers.PrimitiveReader;

namespace TaceCds.Fhir.Json.Readers;

/// <summary>
/// Bundle (http://hl7.org/fhir/R4/bundle.html) of any type: collection, searchset, transaction, batch, their
/// responses, history, document, message. Entries without a resource (transaction/batch responses) are kept,
/// with their <c>request</c> and <c>response</c>.
/// </summary>
public static class BundleReader
{
    /// <summary>Reads a Bundle file; the first error in any entry fails the whole file.</summary>
    public static Bundle ReadFile(string path, FhirJsonParserOptions? options = null) =>
        Read(JsonInput.ReadFileBounded(path, options ?? FhirJsonParserOptions.Default), options, badEntries: null);

    /// <summary>Reads a Bundle file; an entry whose resource cannot be read is kept without its resource and its
    /// error added to <paramref name="badEntries"/> (errors of the Bundle itself still throw).</summary>
    public static Bundle ReadFile(string path, ICollection<FhirFormatException> badEntries, FhirJsonParserOptions? options = null) =>
        Read(JsonInput.ReadFileBounded(path, options ?? FhirJsonParserOptions.Default), options, badEntries);

    public static Bundle Read(Stream stream, FhirJsonParserOptions? options = null) =>
        Read(JsonInput.ReadBounded(stream, options ?? FhirJsonParserOptions.Default), options, badEntries: null);

    private static Bundle Read(byte[] utf8, FhirJsonParserOptions? options, ICollection<FhirFormatException>? badEntries)
    {
        options ??= FhirJsonParserOptions.Default;
        var root = JsonInput.Parse(utf8, options);
        // With badEntries (lenient entries, strict elements) elements are never dropped.
        bool drop = options.DropBadElements && badEntries is null;
        var c = new JsonCursor { DropBadElements = drop, Lines = drop ? LineMap.Of(JsonInput.WithoutBom(utf8), root) : null };
        try
        {
            if (ResourceReader.ReadResourceType(c, root) != "Bundle")
                return (Bundle)ResourceReader.Read(c, root, expectedType: "Bundle"); // throws JSON102 with the actual type
            c.Root = "Bundle";
            if (badEntries is null) return (Bundle)ResourceReader.Read(c, root, expectedType: "Bundle");
            return Read(c, root, badEntries);
        }
        catch (InvalidOperationException ex)
        {
            throw JsonInput.InvalidText(ex, c.Path);
        }
    }

    internal static Bundle Read(JsonCursor c, JsonElement e, ICollection<FhirFormatException>? badEntries = null)
    {
        var common = new ResourceFields();
        string? type = null;
        FhirDateTime? timestamp = null;
        int? total = null;
        IReadOnlyList<BundleLink> link = [];
        IReadOnlyList<BundleEntry> entry = [];
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "type": type = P.ReadCode(c, p.Value); break;
                case "timestamp": timestamp = P.ReadDateTime(c, p.Value, "instant"); break;
                case "total": total = P.ReadInteger(c, p.Value, "unsignedInt"); break;
                case "link": link = ObjectReader.ReadArray(c, p.Value, ReadLink); break;
                case "entry": entry = ReadEntries(c, p.Value, badEntries); break;
                default: common.TryRead(c, p); break;
            }
        });
        return new Bundle
        {
            Id = common.Id, Meta = common.Meta, Json = e,
            Type = type, Timestamp = timestamp, Total = total, Link = link, Entry = entry,
        };
    }

    // Recovering, each entry stands alone: one entry that is not an object, or whose resource cannot be read, is
    // dropped with its path (the resource's own bad elements are dropped inside it) and the others are read.
    private static IReadOnlyList<BundleEntry> ReadEntries(JsonCursor c, JsonElement e, ICollection<FhirFormatException>? badEntries)
    {
        if (!c.DropBadElements) return ObjectReader.ReadArray(c, e, (c2, item) => ReadEntry(c2, item, badEntries));
        if (e.ValueKind != JsonValueKind.Array) throw PrimitiveReader.WrongType(c, "an array", e);
        var entries = new List<BundleEntry>(e.GetArrayLength());
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            c.PushIndex(i++);
            if (item.ValueKind == JsonValueKind.Object) entries.Add(ReadEntry(c, item, badEntries));
            else c.Dropped!.Add(new DroppedElement(FhirJsonErrorCodes.WrongJsonType, c.Path,
                $"expected an object, got {PrimitiveReader.Describe(item.ValueKind)}", c.Lines?.LineOf(item)));
            c.Pop();
        }
        return entries;
    }

    private static BundleLink ReadLink(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? relation = null, url = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "relation": relation = P.ReadString(c, p.Value); break;
                case "url": url = P.ReadUri(c, p.Value); break;
            }
            c.Pop();
        }
        return new BundleLink { Relation = relation, Url = url };
    }

    private static BundleEntry ReadEntry(JsonCursor c, JsonElement e, ICollection<FhirFormatException>? badEntries)
    {
        ObjectReader.RequireObject(c, e);
        string? fullUrl = null, searchMode = null;
        Resource? resource = null;
        BundleEntryRequest? request = null;
        BundleEntryResponse? response = null;
        // Recovering, a bad entry element (a resource that cannot be read, a request without method) drops only itself.
        ResourceElements.ReadEach(c, e, p =>
        {
            switch (p.Name)
            {
                case "fullUrl": fullUrl = P.ReadUri(c, p.Value); break;
                case "resource": resource = ReadEntryResource(c, p.Value, badEntries); break;
                case "search": searchMode = ReadSearchMode(c, p.Value); break;
                case "request": request = ReadRequest(c, p.Value); break;
                case "response": response = ReadResponse(c, p.Value); break;
            }
        });
        return new BundleEntry { FullUrl = fullUrl, Resource = resource, SearchMode = searchMode, Request = request, Response = response };
    }

    private static Resource? ReadEntryResource(JsonCursor c, JsonElement e, ICollection<FhirFormatException>? badEntries)
    {
        if (badEntries is null) return ResourceReader.Read(c, e);
        // Lenient entries with strict elements (the overload with badEntries).
        // Lenient mode: a failed resource leaves the cursor deeper than the entry; read it on a copy of the path.
        var entryCursor = JsonCursor.Below(c.Path, c.DropBadElements, c.Lines);
        try { return ResourceReader.Read(entryCursor, e); }
        catch (FhirFormatException ex) { badEntries.Add(ex); return null; }
    }

    private static string? ReadSearchMode(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? mode = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            if (p.Name == "mode") mode = P.ReadCode(c, p.Value);
            c.Pop();
        }
        return mode;
    }

    private static BundleEntryRequest ReadRequest(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? method = null, url = null, ifNoneExist = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "method": method = P.ReadCode(c, p.Value); break;
                case "url": url = P.ReadUri(c, p.Value); break;
                case "ifNoneExist": ifNoneExist = P.ReadString(c, p.Value); break;
            }
            c.Pop();
        }
        if (method is null) throw c.Error(FhirJsonErrorCodes.MissingRequiredElement, "request.method is required");
        if (url is null) throw c.Error(FhirJsonErrorCodes.MissingRequiredElement, "request.url is required");
        return new BundleEntryRequest { Method = method, Url = url, IfNoneExist = ifNoneExist };
    }

    private static BundleEntryResponse ReadResponse(JsonCursor c, JsonElement e)
    {
        ObjectReader.RequireObject(c, e);
        string? status = null, location = null;
        foreach (var p in e.EnumerateObject())
        {
            c.Push(p.Name);
            switch (p.Name)
            {
                case "status": status = P.ReadString(c, p.Value); break;
                case "location": location = P.ReadUri(c, p.Value); break;
            }
            c.Pop();
        }
        return new BundleEntryResponse { Status = status, Location = location };
    }
}
