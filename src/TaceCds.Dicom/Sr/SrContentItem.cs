namespace TaceCds.Dicom.Sr;

/// <summary>
/// One node of an SR content tree (PS3.3 C.17.3). <see cref="Id"/> is the Content Item Identifier
/// (PS3.3 C.17.3.2.5: the root is "1", its second child "1.2"). A by-reference relationship has no value type
/// and keeps only the identifier it points at (<see cref="ReferencedId"/>), resolvable with
/// <see cref="SrDocument.FindById"/>: references are kept as references, never copied.
/// </summary>
public sealed class SrContentItem
{
    internal SrContentItem(string id, long offset)
    {
        Id = id;
        Offset = offset;
    }

    public string Id { get; }

    /// <summary>Byte offset of the item in the file, for error reports.</summary>
    public long Offset { get; }

    /// <summary>Relationship Type (0040,A010) to the parent: CONTAINS, HAS PROPERTIES, ...; null for the root.</summary>
    public string? RelationshipType { get; internal init; }

    /// <summary>Null for a by-reference relationship.</summary>
    public SrValueType? ValueType { get; internal init; }

    public SrCode? ConceptName { get; internal init; }

    /// <summary>TEXT, UIDREF, PNAME, DATE, TIME and DATETIME values as written (DICOM DA/TM/DT formats).</summary>
    public string? Text { get; internal init; }

    public SrCode? Code { get; internal init; }
    public SrNumericValue? Numeric { get; internal init; }
    public SrCompositeReference? Reference { get; internal init; }
    public SrCoordinates? Coordinates { get; internal init; }

    /// <summary>CONTAINER continuity: SEPARATE or CONTINUOUS.</summary>
    public string? Continuity { get; internal init; }

    /// <summary>Target of a by-reference relationship (a Content Item Identifier such as "1.2.3").</summary>
    public string? ReferencedId { get; internal init; }

    public bool IsByReference => ReferencedId is not null;

    public IReadOnlyList<SrContentItem> Children { get; internal set; } = [];

    /// <summary>This item and every descendant, depth first in document order.</summary>
    public IEnumerable<SrContentItem> DescendantsAndSelf()
    {
        var stack = new Stack<SrContentItem>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var item = stack.Pop();
            yield return item;
            for (var i = item.Children.Count - 1; i >= 0; i--)
                stack.Push(item.Children[i]);
        }
    }

    /// <summary>First direct child whose concept name is the given code.</summary>
    public SrContentItem? Child(string scheme, string value) =>
        Children.FirstOrDefault(c => c.ConceptName?.Is(scheme, value) == true);

    public override string ToString() => $"{Id} {RelationshipType} {ValueType?.ToDicom() ?? "BY-REFERENCE"} {ConceptName}";
}
