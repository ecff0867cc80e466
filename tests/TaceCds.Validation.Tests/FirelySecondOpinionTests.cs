using Hl7.Fhir.Serialization;
using OurParser = TaceCds.Fhir.Json.FhirJsonParser;
using TaceCds.Testing;
using F = Hl7.Fhir.Model;
using T = TaceCds.Fhir.Model;

namespace TaceCds.Validation.Tests;

/// <summary>
/// Firely as a second opinion on our reader (../shared/DESIGN.md, Dependencies): every sample Bundle is read by our
/// recovering reader (src/TaceCds.Fhir/Json) and by Firely's deserializer in Recoverable mode, and the fields our
/// model keeps (<see cref="KeptFields"/>) must agree resource by resource. Known, explained disagreements go in
/// <see cref="Explained"/> with the reason; today there are none.
/// </summary>
public class FirelySecondOpinionTests
{
    /// <summary>"file: Type/id: field" entries where the two readers may differ, each with why.</summary>
    private static readonly Dictionary<string, string> Explained = new(StringComparer.Ordinal);

    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.InRepo("samples"), "p*.json").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Our_reader_and_Firelys_keep_the_same_ids_codes_values_dates_references_and_statuses(string file)
    {
        var json = File.ReadAllText(RepoPaths.InRepo("samples", file));
        var ours = OurParser.Recovering.Parse<T.Bundle>(json);
        var firely = ReadWithFirely(json, out var firelyErrors);

        Assert.Empty(firelyErrors);
        Assert.Equal(firely.Entry.Count, ours.Entry.Count);
        Assert.True(ours.Entry.Count > 20);
        var disagreements = new List<string>();
        for (var i = 0; i < ours.Entry.Count; i++)
        {
            var mine = KeptFields.Of(ours.Entry[i].Resource!);
            var theirs = KeptFields.Of(firely.Entry[i].Resource!);
            Assert.DoesNotContain(mine, l => l.Contains("(unmodelled", StringComparison.Ordinal));
            var key = $"{file}: {mine[0][5..]}/{mine[1][3..]}";
            disagreements.AddRange(mine.Except(theirs).Select(l => $"{key}: ours {l}"));
            disagreements.AddRange(theirs.Except(mine).Select(l => $"{key}: Firely {l}"));
        }
        var unexplained = disagreements.Where(d => !Explained.Keys.Any(k => d.StartsWith(k, StringComparison.Ordinal))).ToList();
        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained.Take(20)));
    }

    [Fact]
    public void A_changed_albumin_of_43_g_per_L_is_seen_the_same_by_both_readers_with_status_profile_and_date()
    {
        // Control: the comparison sees values, so a changed one is a difference both readers agree on.
        var json = File.ReadAllText(RepoPaths.InRepo("samples", "p02.json")).Replace("\"value\": 42.", "\"value\": 43.", StringComparison.Ordinal);
        var ours = OurParser.Recovering.Parse<T.Bundle>(json);
        var firely = ReadWithFirely(json, out _);

        var mine = ours.Entry.SelectMany(e => KeptFields.Of(e.Resource!)).ToList();
        var theirs = firely.Entry.SelectMany(e => KeptFields.Of(e.Resource!)).ToList();

        Assert.Contains(mine, l => l.StartsWith("value=Quantity 43.", StringComparison.Ordinal));
        Assert.Contains("status=final", theirs);
        Assert.Contains("profile=https://tacecds.org/fhir/StructureDefinition/lab-observation", theirs);
        Assert.Contains(theirs, l => l.StartsWith("effective=20", StringComparison.Ordinal));
        Assert.Equal(mine, theirs);
    }

    private static F.Bundle ReadWithFirely(string json, out List<string> errors)
    {
        errors = [];
        var parser = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));
        try
        {
            return parser.Deserialize<F.Bundle>(json);
        }
        catch (DeserializationFailedException e)
        {
            errors.AddRange(e.Exceptions.Select(x => x.Message));
            return (F.Bundle)e.PartialResult!;
        }
    }
}
