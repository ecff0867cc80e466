using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaceCds.Testing;

namespace TaceCds.Report.Tests.Browser;

/// <summary>
/// Opens the packet of the 18 samples plus a synthetic rules-engine patient in headless Chromium (Debian's package,
/// installed by tools/install/chromium.sh; never a downloaded browser) and checks what a reader gets: the charts
/// drawn with the expected points, no request leaving the file, patient text shown as text, one PDF section per
/// patient. The screenshots and the PDF are kept in artifacts/test-results/report/ for a person to look at.
/// </summary>
public sealed partial class BoardBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task Packet_renders_offline_in_chromium_and_prints_one_section_per_patient()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run tools/install/chromium.sh (./test.sh does)");
        var patients = BoardFixtures.SampleIds.Select(BoardFixtures.Sample).Append(BoardFixtures.WithRulesOutput()).ToList();
        var expectedPoints = patients.GroupBy(p => p.PatientReference).ToDictionary(g => g.Key, g => BoardFixtures.ExpectedResponsePoints(g.First().Result));
        var outDir = RepoPaths.InRepo("artifacts", "test-results", "report");
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, "board.html");
        await File.WriteAllTextAsync(file, BoardRenderer.Render(patients));
        var fileUrl = new Uri(file).AbsoluteUri;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs, Timeout = 60_000,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 1400 } });
        var requested = new List<string>();
        var blocked = new List<string>();
        page.Request += (_, request) => { lock (requested) requested.Add(request.Url); };
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url == fileUrl) await route.ContinueAsync();
            else { lock (blocked) blocked.Add(route.Request.Url); await route.AbortAsync(); }
        });
        await page.GotoAsync(fileUrl, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        // Patient text is text: no script element, and p10's name reads exactly as written in the record.
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal("Huang Mei <b>html</b> <script>alert(1)</script>",
            await page.Locator("section[data-patient='Patient/p10'] .patient-name").TextContentAsync());
        Assert.Contains("Radiologist comment: <script>alert(1)</script> <b>html</b>",
            await page.Locator("section[data-patient='Patient/p10'] .notes").TextContentAsync());

        // Every response chart: as many drawn points as baseline + assessments.
        var charts = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('section.patient')].map(s => {
              const svg = s.querySelector('svg.response-chart');
              const points = svg ? [...svg.querySelectorAll('circle[data-point]')] : [];
              return { patient: s.dataset.patient, declared: svg ? Number(svg.dataset.points) : 0,
                       drawn: points.filter(c => { const b = c.getBBox(); return b.width > 0 && b.height > 0; }).length,
                       trends: [...s.querySelectorAll('svg.trend-chart')].map(t => [Number(t.dataset.points), t.querySelectorAll('circle[data-point]').length]) };
            })
            """);
        Assert.Equal(patients.Count, charts.GetArrayLength());
        foreach (var chart in charts.EnumerateArray())
        {
            var patient = chart.GetProperty("patient").GetString()!;
            Assert.Equal(expectedPoints[patient], chart.GetProperty("declared").GetInt32());
            Assert.Equal(expectedPoints[patient], chart.GetProperty("drawn").GetInt32());
            Assert.Equal(6, chart.GetProperty("trends").GetArrayLength());
            foreach (var trend in chart.GetProperty("trends").EnumerateArray())
                Assert.Equal(trend[0].GetInt32(), trend[1].GetInt32());
        }

        await page.Locator("section.cover").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(outDir, "board-cover.png") });
        await page.Locator("section.patient").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(outDir, "board-first-patient.png") });

        // Print: every patient section starts a page, and the PDF has at least the cover plus one page per patient.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var breaks = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('section.patient')].map(s => getComputedStyle(s).breakBefore)");
        Assert.Equal(patients.Count, breaks.Length);
        Assert.All(breaks, b => Assert.Equal("page", b));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, Path = Path.Combine(outDir, "board.pdf") });
        var pages = PdfPageRegex().Matches(System.Text.Encoding.Latin1.GetString(pdf)).Count;
        Assert.True(pages >= patients.Count + 1, $"the PDF has {pages} pages for {patients.Count} patients and a cover");

        lock (requested)
        {
            Assert.Empty(blocked);
            Assert.All(requested, url => Assert.Equal(fileUrl, url));
            Assert.Single(requested);
        }
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")] private static partial Regex PdfPageRegex();
}
