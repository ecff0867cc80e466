using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TaceCds.Report.Model;

namespace TaceCds.Report.Tests;

/// <summary>Issue 15: definitions, models and scores as readable rows (label, value with unit, date, source), never JSON.</summary>
public sealed class BoardSectionsTests
{
    [Theory]
    [InlineData("""{"value":42.4,"unit":"mm"}""", "42.4 mm")]
    [InlineData("""{"value":2.12,"unit":"1"}""", "2.12")]
    [InlineData("""{"value":54.714285714285715,"unit":"%"}""", "54.714 %")]
    [InlineData("true", "yes")]
    [InlineData("[]", "n/a")]
    [InlineData("""{"auc":0.79,"cohort":"n=112"}""", "AUC: 0.79; Cohort: n=112")]
    [InlineData("""{"overallResponse":"PR"}""", "Overall response: PR")]
    public void Values_read_as_text_never_as_json(string json, string expected) =>
        Assert.Equal(expected, ValueText.Of(JsonNode.Parse(json)));

    [Theory]
    [InlineData("afpBeforeFirst", "AFP before first")]
    [InlineData("childPughBeforeSecond", "Child-Pugh before second")]
    [InlineData("bclc-b-or-c", "BCLC b or c")]
    [InlineData("probabilityNonResponse", "Probability non response")]
    public void Member_names_read_as_words(string key, string label) => Assert.Equal(label, ValueText.Label(key));

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void No_sample_shows_json_in_the_packet(string id)
    {
        var html = BoardRenderer.Render([BoardFixtures.Sample(id)]);
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        Assert.DoesNotContain("{&quot;", body);
        // A JSON member ("key": value); prose may quote a term before a colon ("TACE resistance": this is…).
        Assert.DoesNotMatch("&quot;[A-Za-z0-9_-]+&quot;:\\s*(&quot;|\\{|\\[|-?\\d|true|false|null)", body);
        Assert.DoesNotContain("\\u003E", body);
        Assert.DoesNotMatch(@"<(td|dd|li|p)[^>]*>\s*[\[{]", body);
    }

    [Fact]
    public void Given_p11_on_2025_06_01_the_cci_criteria_are_rows_with_their_findings_values_and_dates()
    {
        var html = BoardRenderer.Render([BoardFixtures.Sample("p11")]);
        var cci = Section(html, "data-definition=\"cci-2022\"");
        Assert.Contains("<tr data-criterion=\"baseline\" data-status=\"met\"><td>Baseline contrast CT/MR on or before the first TACE of the course, at most the configured number of days (default 28) before it</td>"
            + "<td><span class=\"status status-met\">met</span></td><td>Baseline CT on 2024-09-02, 8 days before the first TACE (at most 28): intrahepatic target sum 142.9 mm</td></tr>", cci);
        Assert.Contains("<span class=\"status status-not-met\">not met</span>", cci);
        // Reasons already given as a criterion's finding are not repeated above the table.
        Assert.Single(Regex.Matches(cci, "Only 2 consecutive TACE session"));
    }

    [Fact]
    public void Given_p04_the_stop_tace_decision_line_and_its_fhir_resources_are_worded_by_the_rules_explanation()
    {
        // p04: CCI 2022 met on 2024-07-01 (68 mm = 123.6 % of 55 mm after 3 sessions), no treatment change since: current.
        var stop = Section(BoardRenderer.Render([BoardFixtures.Sample("p04")]), "data-definition=\"stop-tace\"");
        Assert.Contains("<p class=\"decision\">Decision: met (critical); current</p>", stop);
        Assert.Matches("<p class=\"sources screen-only\"><span class=\"list-title\">FHIR resources: </span><cite class=\"fhir-ref\">[^<]*Procedure/p04-tace-3</cite></p>", stop);
        Assert.Contains("<td>TACE refractoriness met (CCI 2022 consensus): target sum 68 mm on 2024-07-01 = 123.6 % of the baseline 55 mm (2024-01-22) after 3 consecutive sessions</td>", stop);
    }

    [Fact]
    public void Given_p11_the_abcr_inputs_are_rows_of_label_value_with_unit_date_and_source()
    {
        var abcr = Section(BoardRenderer.Render([BoardFixtures.Sample("p11")]), "data-definition=\"abcr\"");
        Assert.Contains("<tr><td>AFP before first</td><td class=\"value\">866.6 ng/mL</td><td class=\"date\">2024-09-09</td><td class=\"source\">"
            + "<cite class=\"fhir-ref\" data-reference=\"Observation/p11-lab-20240909-afp\">Observation/p11-lab-20240909-afp</cite></td></tr>", abcr);
        Assert.Contains("<td>Response after first</td><td class=\"value\">Overall response: PR</td><td class=\"date\">2024-11-04</td>", abcr);
    }

    [Fact]
    public void Given_p11_models_say_why_they_do_not_apply_and_list_each_lesion_with_inputs()
    {
        var html = BoardRenderer.Render([BoardFixtures.Sample("p11")]);
        Assert.Contains("<p class=\"model-why\">Not applicable: no lesion of the record has the measurements this model needs.</p>", Section(html, "data-model=\"ctp-residual-2025\""));
        Assert.Contains("Not applicable: The patient has HCC: the study excluded primary liver cancer", Section(html, "data-model=\"petmr-modality\""));
        Assert.Contains("Insufficient data; missing: an IVIM-DWI examination of the tumor (ADC, D*) before the first TACE", Section(html, "data-model=\"ivim-resistance-2026\""));
        var dect = Section(html, "data-model=\"dect-nomogram-2025\"");
        Assert.Contains("2 lesion(s)", dect);
        Assert.Contains("<dt>Probability non response</dt><dd>0.105</dd>", dect);
        Assert.Contains("<dt>Probability non response</dt><dd>0.999</dd>", dect);
        Assert.Contains("<tr><td>Size</td><td class=\"value\">100.5 mm</td>", dect);
        Assert.Contains("<tr><td>NIC AP</td><td class=\"value\">54.714 %</td>", dect);
    }

    [Fact]
    public void Given_p11_the_scores_before_the_first_tace_are_a_group_of_rows()
    {
        var scores = Section(BoardRenderer.Render([BoardFixtures.Sample("p11")]), "class=\"data scores-table\"");
        Assert.Contains("<th colspan=\"3\" scope=\"rowgroup\">Before the first TACE (the 1st TACE on 2024-09-10)</th>", scores);
        Assert.Contains("<tr data-score=\"childPugh\"><td>Child-Pugh</td><td>5 points, class A</td><td>2024-09-09 &#183; computed</td></tr>", scores);
    }

    [Fact]
    public void The_print_header_names_each_patient_with_the_name_escaped_for_css()
    {
        var html = BoardRenderer.Render([BoardFixtures.Sample("p01"), BoardFixtures.Sample("p10")]);
        var style = html[..html.IndexOf("</style>", StringComparison.Ordinal)];
        // p10's name holds <script> and <b>: in the stylesheet they are hex escapes, so no tag and no quote can break out.
        Assert.Contains("@top-left { content: \"Huang Mei \\3c b\\3e html\\3c \\2f b\\3e  \\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e  \\b7  Patient\\2f p10\"; }", style);
        Assert.DoesNotContain("<script", style, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@bottom-right { content: \"page \" counter(page) \"/\" counter(pages); }", style);
        Assert.Equal(2, Regex.Matches(html, "<section class=\"page patient\" id=\"p(\\d)\"[^>]* style=\"page: p\\1\"").Count);
    }

    public static TheoryData<string> AllSamples() => new(BoardFixtures.AllSampleIds);

    /// <summary>The markup of the element that starts with <paramref name="marker"/>, up to the next definition, model or section.</summary>
    private static string Section(string html, string marker)
    {
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, marker + " not found");
        var ends = new[] { "<div class=\"definition\"", "<div class=\"model\"", "</section>" }
            .Select(e => html.IndexOf(e, start + marker.Length, StringComparison.Ordinal)).Where(i => i > 0);
        return html[start..ends.Min()];
    }
}
