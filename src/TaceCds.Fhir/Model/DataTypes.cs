namespace TaceCds.Fhir.Model;

public sealed class Coding : Element
{
    public string? System { get; init; }
    public string? Version { get; init; }
    public string? Code { get; init; }
    public string? Display { get; init; }
    public override string FhirTypeName => "Coding";

    public bool Is(string system, string code) =>
        string.Equals(System, system, StringComparison.Ordinal) && string.Equals(Code, code, StringComparison.Ordinal);
}

public sealed class CodeableConcept : Element
{
    public IReadOnlyList<Coding> Coding { get; init; } = [];
    public string? Text { get; init; }
    public override string FhirTypeName => "CodeableConcept";

    public bool Has(string system, string code) => Coding.Any(c => c.Is(system, code));
}

public sealed class Quantity : Element
{
    public decimal? Value { get; init; }
    /// <summary>&lt;, &lt;=, &gt;=, &gt; — a censored value; clinical logic must not read it as exact.</summary>
    public string? Comparator { get; init; }
    public string? Unit { get; init; }
    public string? System { get; init; }
    public string? Code { get; init; }
    /// <summary>Quantity, or the profile it was read as (Age, Duration, Count, Distance, SimpleQuantity), so a
    /// <c>performedAge</c> is written back as <c>performedAge</c>.</summary>
    public string QuantityType { get; init; } = "Quantity";
    public override string FhirTypeName => QuantityType;
}

public sealed class Range : Element
{
    public Quantity? Low { get; init; }
    public Quantity? High { get; init; }
    public override string FhirTypeName => "Range";
}

public sealed class Ratio : Element
{
    public Quantity? Numerator { get; init; }
    public Quantity? Denominator { get; init; }
    public override string FhirTypeName => "Ratio";
}

public sealed class Period : Element
{
    public FhirDateTime? Start { get; init; }
    public FhirDateTime? End { get; init; }
    public override string FhirTypeName => "Period";
}

public sealed class Identifier : Element
{
    public string? Use { get; init; }
    public string? System { get; init; }
    public string? Value { get; init; }
    public override string FhirTypeName => "Identifier";
}

public sealed class Reference : Element
{
    /// <summary>The literal reference as written: <c>Type/id</c>, an absolute URL or <c>urn:uuid:…</c>.</summary>
    public string? ReferenceValue { get; init; }
    public string? Type { get; init; }
    public Identifier? Identifier { get; init; }
    public string? Display { get; init; }
    public override string FhirTypeName => "Reference";
}

public sealed class Annotation : Element
{
    public string? AuthorString { get; init; }
    public FhirDateTime? Time { get; init; }
    public string? Text { get; init; }
    public override string FhirTypeName => "Annotation";
}

public sealed class HumanName : Element
{
    public string? Use { get; init; }
    public string? Text { get; init; }
    public string? Family { get; init; }
    public IReadOnlyList<string> Given { get; init; } = [];
    public override string FhirTypeName => "HumanName";
}

public sealed class Meta : Element
{
    public string? VersionId { get; init; }
    public FhirDateTime? LastUpdated { get; init; }
    public IReadOnlyList<string> Profile { get; init; } = [];
    public override string FhirTypeName => "Meta";
}

/// <summary>An extension with a single value[x]; nested extensions are kept too.</summary>
public sealed class Extension : Element
{
    public required string Url { get; init; }
    public Element? Value { get; init; }
    public IReadOnlyList<Extension> Extensions { get; init; } = [];
    public override string FhirTypeName => "Extension";
}
