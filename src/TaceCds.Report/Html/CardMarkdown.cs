using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TaceCds.Report.Html;

/// <summary>
/// Card <c>detail</c> is GitHub-Flavored Markdown (CDS Hooks 2.0 §Card). Rendered with Markdig with raw HTML disabled
/// (written out escaped), images turned into their alt text (an image would be a request leaving the page: the report
/// is self-contained) and links kept only for http, https and mailto (others, e.g. <c>javascript:</c> or <c>data:</c>, become their text).
/// </summary>
public static class CardMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var label = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            if (link.IsImage) link.ReplaceBy(new LiteralInline("[image: " + label + "]"), copyChildren: false);
            else if (!IsSafeUrl(link.Url)) link.ReplaceBy(new LiteralInline(label), copyChildren: false);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        return Markdown.ToHtml(document, Pipeline);
    }

    public static bool IsSafeUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
}
