using System.Text.RegularExpressions;
using TaceCds.Report.Model;

namespace TaceCds.Report.Tests;

public sealed partial class BoardRendererTests
{
    [Fact]
    public void Patient_text_with_script_and_html_is_encoded_not_markup()
    {
        var p10 = BoardFixtures.Sample("p10");
        Assert.Equal("Huang Mei <b>html</b> <script>alert(1)</script>", p10.Name);
        var note = Assert.Single(p10.Notes, n => n.Text.Contains("Radiologist comment"));
        Assert.Equal("Radiologist comment: <script>alert(1)</script> <b>html</b>", note.Text);

        var html = BoardRenderer.Render([p10]);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>html</b>", html);
        Assert.Contains("Huang Mei &lt;b&gt;html&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("Radiologist comment: &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;html&lt;/b&gt;", html);
    }

    [Fact]
    public void Card_markdown_is_rendered_with_raw_html_images_and_script_links_neutralised()
    {
        var html = BoardRenderer.Render([BoardFixtures.WithRulesOutput()]);

        Assert.Contains("<strong>Refractory</strong> per CCI 2022.", html);
        Assert.Contains("&lt;script&gt;alert('card')&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("images.example.org", html);
        Assert.Contains("[image: scan]", html);
        Assert.Contains("<a href=\"https://example.org/cci\">guideline</a>", html);
        Assert.Contains("<a href=\"https://example.org/cci-2022\" rel=\"noreferrer noopener\">CCI 2022 consensus</a>", html);
    }

    [Fact]
    public void Rules_output_definitions_models_cards_and_dose_are_shown()
    {
        var html = BoardRenderer.Render([BoardFixtures.WithRulesOutput()]);

        Assert.Matches("data-definition=\"cci-2022\" data-status=\"met\"", html);
        Assert.Contains("<li>viable sum 125 % of baseline on 2024-07-22</li>", html);
        Assert.Matches("data-definition=\"jsh-2014\" data-status=\"insufficient-data\"", html);
        Assert.Contains("<li>AFP after the 2nd session</li>", html);
        Assert.Contains("<li>non-target response not reported: overall follows target</li>", html);
        // Model outputs are label/value pairs (issue 15: no JSON), nested objects as "label: value; …".
        Assert.Contains("<dt>Probability non response</dt><dd>0.105</dd>", html);
        Assert.Contains("<dt>Published AUC</dt><dd>0.87</dd>", html);
        Assert.Contains("<dt>Performance</dt><dd>AUC: 0.79; Cohort: n=112, single centre</dd>", html);
        // 7.5 + 8.25 + 9.0 mSv over three exams.
        Assert.Contains("data-total-msv=\"24.75\"", html);
        Assert.Contains("Cumulative effective dose: 24.8 mSv over 3 exam(s)", html);
        // Cards most urgent first within the patient.
        var indicators = IndicatorRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["critical", "warning", "info"], indicators);
    }

    [Fact]
    public void The_stop_tace_decision_of_p02_is_shown_as_history_and_is_not_a_current_alert()
    {
        // p02 met CCI 2022 on 2024-07-22, then started atezolizumab + bevacizumab on 2024-08-12 with no TACE since.
        var p02 = BoardFixtures.Sample("p02");
        var html = BoardRenderer.Render([p02]);
        Assert.Contains("data-definition=\"stop-tace\" data-status=\"met\"", html);
        Assert.Contains("History: treatment changed after the qualifying assessment of 2024-07-22: systemic therapy (atezolizumab + bevacizumab) from 2024-08-12", html);
        // The timeline keeps the decision at its qualifying assessment and says it is history.
        Assert.Contains("<td class=\"date\">2024-07-22</td><td>Decision</td><td>Stop repeat TACE? (decision) met — history: systemic therapy (atezolizumab + bevacizumab) from 2024-08-12, no TACE since the last session on 2024-06-03</td>", html);

        var onlyTheDecision = new System.Text.Json.Nodes.JsonObject
        {
            ["cards"] = new System.Text.Json.Nodes.JsonArray(),
            ["definitions"] = new System.Text.Json.Nodes.JsonObject { ["stop-tace"] = p02.Result["definitions"]!["stop-tace"]!.DeepClone() },
        };
        var urgency = Urgency.Of(onlyTheDecision);
        Assert.Equal(Urgency.Info, urgency.Level);
        Assert.Equal("Stop repeat TACE? (decision): met earlier, history since 2024-08-12", urgency.Finding);
    }

    [Fact]
    public void Packet_lists_most_urgent_patient_first_and_keeps_input_order_among_equals()
    {
        var quiet = BoardFixtures.SampleWithoutRules("p01");
        var progression = BoardFixtures.SampleWithoutRules("p03");
        var critical = BoardFixtures.WithRulesOutput();

        var html = BoardRenderer.Render([quiet, progression, critical]);

        var order = SectionRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Patient/p02", "Patient/p03", "Patient/p01"], order);
        var levels = CoverRowRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["critical", "warning", "none"], levels);
        Assert.Equal("TACE refractoriness (CCI 2022) met: discuss systemic therapy", Urgency.Of(critical.Result).Finding);
        Assert.Equal("Progressive disease (mRECIST) on 2024-08-19", Urgency.Of(progression.Result).Finding);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Response_chart_draws_baseline_plus_one_point_per_assessment(string id)
    {
        var patient = BoardFixtures.Sample(id);
        var html = BoardRenderer.Render([patient]);
        var expected = BoardFixtures.ExpectedResponsePoints(patient.Result);

        var chart = ResponseChartRegex().Match(html);
        if (expected == 0) { Assert.False(chart.Success); return; }
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), chart.Groups[1].Value);
        var svg = html[chart.Index..html.IndexOf("</svg>", chart.Index, StringComparison.Ordinal)];
        Assert.Equal(expected, PointRegex().Matches(svg).Count);
        var sessions = patient.Result["course"]!["taceSessions"]!.AsArray().Count;
        Assert.Equal(sessions, Regex.Matches(html, "class=\"event tace\" data-kind=\"tace\"").Count);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Latest_child_pugh_and_albi_of_the_trend_equal_the_scores_now(string id)
    {
        var patient = BoardFixtures.Sample(id);
        var scores = patient.Result["scores"]!;
        var cp = patient.Trends.Single(t => t.Key == "child-pugh");
        if (scores["childPugh"] is { } now && now["source"]?.GetValue<string>() == "computed")
            Assert.Equal(now["points"]!.GetValue<int>(), (int)cp.Points[^1].Value);
        var albi = patient.Trends.Single(t => t.Key == "albi");
        if (scores["albi"] is { } albiNow)
            Assert.Equal((double)albiNow["value"]!.GetValue<decimal>(), albi.Points[^1].Value, 2);
        Assert.True(patient.Trends.Single(t => t.Key == "afp").Points.Count > 0 || patient.Result["facts"]!["labs"]!["afp"] is null);
    }

    [Fact]
    public void Trends_of_p02_match_its_labs()
    {
        var trends = BoardFixtures.Sample("p02").Trends.ToDictionary(t => t.Key);
        Assert.Equal([422.9, 460.0, 478.2, 515.3, 563.4, 710.7], trends["afp"].Points.Select(p => p.Value));
        Assert.True(trends["afp"].LogScale);
        Assert.Equal(6, trends["nlr"].Points.Count);
        Assert.Equal(2.15, trends["nlr"].Points[^1].Value);
        Assert.All(trends["child-pugh"].Points, p => Assert.Equal("A5", p.Label));
    }

    [Fact]
    public void Report_is_self_contained()
    {
        var html = BoardRenderer.Render(BoardFixtures.SampleIds.Select(BoardFixtures.Sample).Append(BoardFixtures.WithRulesOutput()));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("<[^>]+\\s(src|href)=\"(?!#|https?:)", html);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html);
        Assert.Equal(19, Regex.Matches(html, "<section class=\"page patient\"").Count);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var patients = new[] { BoardFixtures.Sample("p04"), BoardFixtures.WithRulesOutput() };
        Assert.Equal(BoardRenderer.Render(patients), BoardRenderer.Render(patients));
    }

    public static TheoryData<string> Samples() => new(BoardFixtures.SampleIds);

    [GeneratedRegex("data-indicator=\"([a-z]+)\"")] private static partial Regex IndicatorRegex();
    [GeneratedRegex("<section class=\"page patient\" id=\"p\\d+\" data-patient=\"([^\"]+)\"")] private static partial Regex SectionRegex();
    [GeneratedRegex("<tr data-urgency=\"([a-z]+)\">")] private static partial Regex CoverRowRegex();
    [GeneratedRegex("class=\"chart response-chart\"[^>]*data-points=\"(\\d+)\"")] private static partial Regex ResponseChartRegex();
    [GeneratedRegex("<circle [^>]*data-point=\"\\d+\"")] private static partial Regex PointRegex();
}

public sealed class UrgencyTests
{
    [Theory]
    [InlineData("p14", "info", "Child-Pugh B7 now")]
    [InlineData("p18", "warning", "Child-Pugh C13 now")]
    [InlineData("p01", "none", "No urgent finding")]
    [InlineData("p02", "warning", "Progressive disease (mRECIST) on 2024-07-22")]
    public void Findings_without_rules_output(string id, string level, string finding)
    {
        var urgency = Model.Urgency.Of(BoardFixtures.SampleWithoutRules(id).Result);
        Assert.Equal(level, urgency.LevelName);
        Assert.Equal(finding, urgency.Finding);
    }
}

public sealed class TolerantRenderingTests
{
    [Fact]
    public void A_result_with_almost_nothing_renders_with_empty_sections()
    {
        var bare = new Model.BoardPatient { Result = new System.Text.Json.Nodes.JsonObject { ["patient"] = "Patient/x", ["asOf"] = "2025-06-01" } };
        var html = BoardRenderer.Render([bare]);
        Assert.Contains("data-patient=\"Patient/x\"", html);
        Assert.Contains("(no name)", html);
        Assert.Contains("No response chart: no measured baseline or assessment.", html);
        Assert.Contains("No dated therapy or exam.", html);
        Assert.Contains("No lab values.", html);
        Assert.DoesNotContain("<svg", html);
    }

    [Fact]
    public void An_empty_packet_is_a_cover_page_only()
    {
        var html = BoardRenderer.Render([]);
        Assert.Contains("0 patient(s)", html);
        Assert.DoesNotContain("class=\"page patient\"", html);
    }
}
