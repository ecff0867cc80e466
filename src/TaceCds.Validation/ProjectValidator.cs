using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Hl7.Fhir.Utility;

namespace TaceCds.Validation;

/// <summary>
/// Validates FHIR R4 content against base R4 and the project's implementation guide (fhir-profiles/), offline,
/// with Firely.Fhir.Validation. Each resource is checked against its base type and every profile it declares in
/// <c>meta.profile</c> (the project profiles resolve from the guide folder); Bundle entries are checked the same way.
/// Codes bound to ValueSets are checked by Firely's local terminology service over the guide's ValueSets and
/// CodeSystems and the R4 core ones — terminology checks are on.
///
/// Create one per process and reuse it: the first validation compiles the schemas it needs (tens of seconds cold),
/// later ones take a fraction of a second. With a cache folder the resolved core definitions and expansions are
/// kept on disk so that the next process starts warm (<see cref="ConformanceDiskCache"/>).
/// Not thread-safe for concurrent <see cref="Validate(Resource, string?)"/> calls on one instance.
/// </summary>
public sealed class ProjectValidator
{
    private readonly Validator _validator;
    private readonly ConformanceDiskCache _diskCache;
    private readonly FhirJsonDeserializer _parser = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    private ProjectValidator(string profilesDir, string? cacheDir)
    {
        _diskCache = new ConformanceDiskCache(cacheDir, ConformanceSources.CoreSource());
        Resolver = new CachedResolver(new R4ValueSetImports(new MultiResolver(ConformanceSources.ProjectSource(profilesDir), _diskCache)));
        _validator = new Validator(Resolver, new LocalTerminologyService(Resolver));
    }

    /// <summary>
    /// A validator over the guide in <paramref name="profilesDir"/> (the repository's fhir-profiles/).
    /// <paramref name="cacheDir"/>: where resolved core definitions are cached between processes; null = no disk cache.
    /// Throws <see cref="DirectoryNotFoundException"/> / <see cref="FileNotFoundException"/> when the guide or the
    /// R4 core archive is missing.
    /// </summary>
    public static ProjectValidator Create(string profilesDir, string? cacheDir = null) => new(profilesDir, cacheDir);

    /// <summary>The resolver the validator uses (guide folder, then R4 core), for callers that need the same definitions.</summary>
    public CachedResolver Resolver { get; }

    /// <summary>How many core definitions came from the disk cache at start-up (0 on a cold start).</summary>
    public int DefinitionsFromDiskCache => _diskCache.LoadedFromDisk;

    /// <summary>
    /// Validates one resource (a Bundle's entries included) against base R4, its <c>meta.profile</c>s and, when
    /// given, <paramref name="profile"/> (a canonical URL). Returns every issue; no errors means valid.
    /// </summary>
    public IReadOnlyList<ValidationIssue> Validate(Resource resource, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        OperationOutcome outcome;
        try
        {
            outcome = _validator.Validate(resource, profile);
        }
        finally
        {
            _diskCache.Flush();
        }
        return outcome.Issue.Select(ToIssue).Select(KnownCoreDefects.Classify).ToList();
    }

    /// <summary>
    /// Parses <paramref name="json"/> (one resource, a Bundle included) with Firely's deserializer in recoverable
    /// mode and validates it. Elements the parser could not read are errors with code <c>structure</c> at their
    /// location; what it could read is validated. Text that is not a JSON object with a known resourceType gives a
    /// single <c>structure</c> error at location <c>$</c>.
    /// </summary>
    public IReadOnlyList<ValidationIssue> Validate(string json, string? profile = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        Resource? resource;
        var issues = new List<ValidationIssue>();
        if (ResourceTypeProblem(json) is { } problem)
            return [new ValidationIssue(IssueSeverity.Error, "structure", "$", problem)];
        try
        {
            resource = _parser.DeserializeResource(json);
        }
        catch (DeserializationFailedException e)
        {
            resource = e.PartialResult as Resource;
            issues.AddRange(e.Exceptions.Select(ParseIssue));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            resource = null;
            issues.Add(new ValidationIssue(IssueSeverity.Error, "structure", "$", "not a FHIR JSON resource: " + e.Message));
        }
        if (resource is null)
        {
            if (issues.Count == 0) issues.Add(new ValidationIssue(IssueSeverity.Error, "structure", "$", "no resource could be read"));
            return issues;
        }
        issues.AddRange(Validate(resource, profile));
        return issues;
    }

    // Firely reads an object without resourceType as an unnamed resource; a clear single error is more useful.
    private static string? ResourceTypeProblem(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) return "not a FHIR JSON resource: the root is not a JSON object";
            return doc.RootElement.TryGetProperty("resourceType", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String
                ? null
                : "not a FHIR JSON resource: no resourceType";
        }
        catch (System.Text.Json.JsonException e)
        {
            return $"not JSON: {e.Message}";
        }
    }

    private static ValidationIssue ParseIssue(CodedException e)
    {
        if (e is ExtendedCodedException extended)
        {
            var location = extended.InstancePath is { Length: > 0 } path ? path : "$";
            var line = extended.LineNumber is { } n ? $" (line {n})" : "";
            return new ValidationIssue(IssueSeverity.Error, "structure", FhirPathLocation.Tidy(location), $"{e.ErrorCode}: {extended.BaseErrorMessage}{line}");
        }
        return new ValidationIssue(IssueSeverity.Error, "structure", "$", $"{e.ErrorCode}: {e.Message}");
    }

    private static ValidationIssue ToIssue(OperationOutcome.IssueComponent issue)
    {
        var severity = issue.Severity switch
        {
            OperationOutcome.IssueSeverity.Fatal or OperationOutcome.IssueSeverity.Error => IssueSeverity.Error,
            OperationOutcome.IssueSeverity.Warning => IssueSeverity.Warning,
            _ => IssueSeverity.Information,
        };
        var code = issue.Code?.GetLiteral() ?? "unknown";
        var location = issue.Expression.FirstOrDefault() ?? issue.Location.FirstOrDefault() ?? "$";
        return new ValidationIssue(severity, code, FhirPathLocation.Tidy(location), issue.Details?.Text ?? issue.Diagnostics ?? "");
    }
}
