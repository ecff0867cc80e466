using TaceCds.Report.Html;

namespace TaceCds.Report.Tests;

public sealed class MarkdownAndProgressTests
{
    [Theory]
    [InlineData("<b>x</b>", "<p>&lt;b&gt;x&lt;/b&gt;</p>\n")]
    [InlineData("*a* and **b**", "<p><em>a</em> and <strong>b</strong></p>\n")]
    [InlineData("[x](data:text/html,hi)", "<p>x</p>\n")]
    [InlineData("![alt](http://x.org/a.png)", "<p>[image: alt]</p>\n")]
    public void Card_markdown(string markdown, string html) => Assert.Equal(html, CardMarkdown.ToHtml(markdown));

    [Fact]
    public void Progress_bar_redraws_in_place_and_ends_its_line()
    {
        var writer = new StringWriter();
        var bar = new TerminalProgressBar(writer, 4, width: 8);
        bar.Report(1, "evaluating");
        bar.Report(1, "evaluating");
        bar.Report(4, "done");
        bar.Finish();
        Assert.Equal("\r[##......] 1/4 evaluating\r[########] 4/4 done      " + Environment.NewLine, writer.ToString());
    }
}
