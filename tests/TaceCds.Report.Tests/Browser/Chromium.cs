using System.Diagnostics;
using Microsoft.Playwright;

namespace TaceCds.Report.Tests.Browser;

/// <summary>
/// Debian's Chromium (tools/install/chromium.sh; never a browser downloaded by Playwright) driven by Playwright, and
/// Debian's pdftotext (tools/install/poppler.sh) to read a printed PDF page by page.
/// </summary>
internal static class Chromium
{
    public const string Executable = "/usr/bin/chromium";
    public const string PdfToText = "/usr/bin/pdftotext";
    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run tools/install/chromium.sh (./test.sh does)");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Executable, Headless = true, Args = Args, Timeout = 60_000 });
    }

    /// <summary>Opens <paramref name="file"/> and refuses every request that is not the file itself.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, string file, int width, int height = 1000)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var url = new Uri(file).AbsoluteUri;
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == url) await route.ContinueAsync();
            else await route.AbortAsync();
        });
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    /// <summary>The text of each page of a PDF (pdftotext separates pages with a form feed).</summary>
    public static IReadOnlyList<string> PdfPages(string pdf)
    {
        Assert.True(File.Exists(PdfToText), $"{PdfToText} is missing: run tools/install/poppler.sh (./test.sh does)");
        using var process = Process.Start(new ProcessStartInfo(PdfToText, ["-layout", "-enc", "UTF-8", pdf, "-"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && pages[^1].Trim().Length == 0) pages.RemoveAt(pages.Count - 1);
        return pages;
    }
}
