using System.Text.RegularExpressions;

namespace TaceCds.Validation;

/// <summary>
/// Findings that the FHIR R4 (4.0.1) core definitions themselves produce, so that every snapshot built on them
/// repeats them. They are reported as information with the reason, never dropped; each one has a test showing the
/// R4 core definition gives the same finding (<c>KnownCoreDefectTests</c>), so a fixed SDK or core package makes
/// that test fail and the entry can go.
/// </summary>
public static partial class KnownCoreDefects
{
    /// <summary>
    /// R4 core snapshots put the <c>structuredefinition-fhir-type</c> extension on <c>ElementDefinition.type</c>
    /// (e.g. Resource.id's type <c>http://hl7.org/fhirpath/System.String</c>), while the extension's own R4
    /// definition allows it only on <c>ElementDefinition.type.code</c>. Firely (correctly) reports the context.
    /// </summary>
    public const string FhirTypeExtensionContext =
        "R4 core defect: the core snapshots carry structuredefinition-fhir-type on ElementDefinition.type, outside the context the extension declares";

    /// <summary>The issue as reported, or downgraded to information with the reason when it is a known core defect.</summary>
    public static ValidationIssue Classify(ValidationIssue issue)
    {
        if (issue.Severity == IssueSeverity.Error
            && issue.Message.StartsWith("Extension used outside of appropriate contexts", StringComparison.Ordinal)
            && issue.Message.Contains("ElementDefinition.type.code", StringComparison.Ordinal)
            && SnapshotTypeExtension().IsMatch(issue.Location))
        {
            return issue with { Severity = IssueSeverity.Information, Message = $"{FhirTypeExtensionContext} ({issue.Message})" };
        }
        return issue;
    }

    [GeneratedRegex(@"^StructureDefinition\.snapshot(\[0\])?\.element\[\d+\]\.type\[\d+\]\.extension\[\d+\]$")]
    private static partial Regex SnapshotTypeExtension();
}
