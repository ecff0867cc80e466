using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TaceCds.Report.Model;
using TaceCds.Testing;
using Xunit.Abstractions;

namespace TaceCds.Report.Tests.Browser;

/// <summary>
/// The packet of every sample as a board coordinator uses it: on a 1280 px screen (two columns, nothing wider than the
/// page, no JSON, chart text ≥ 12 px, point labels clear of the points) and printed on A4 (nothing wider than the
/// printable width; every printed page carries the patient's name, id and "page n/m"; each patient starts a page and
/// fills at most two in the common case). Screenshots of p04 and p11 are kept in artifacts/board-screenshots/.
/// </summary>
public sealed partial class BoardLayoutBrowserTests(ITestOutputHelper output)
{
    /// <summary>A4 (210 mm) less the 10 mm side margins of the print stylesheet, in CSS px (96 per inch).</summary>
    private const int A4PrintableWidthPx = 718;

    private static readonly string OutDir = RepoPaths.InRepo("artifacts", "board-screenshots");

    [Fact]
    public async Task Every_sample_fits_a_1280px_screen_without_json_with_readable_charts_and_clear_labels()
    {
        var patients = BoardFixtures.AllSampleIds.Select(BoardFixtures.Sample).ToList();
        var file = await WriteAsync("board-all-samples.html", patients);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.OpenAsync(browser, file, 1280);

        AssertNoOverflow(await Overflow(page), "1280 px screen");
        // Two columns on a wide screen.
        var tracks = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.patient-body')).gridTemplateColumns");
        Assert.Equal(2, tracks.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

        var json = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('section')].flatMap(s => {
              const found = s.innerText.match(/\{"|"[A-Za-z0-9_-]+"\s*:\s*(?:"|\{|\[|-?\d|true|false|null)|\\u00[0-9a-fA-F]{2}|\[\{|\}\]/g);
              return found ? [(s.dataset.patient ?? 'cover') + ': ' + [...new Set(found)].join(' ')] : [];
            })
            """);
        Assert.True(json.Length == 0, "raw JSON in visible text: " + string.Join("; ", json));

        var small = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg.chart text')].filter(t => t.getClientRects().length > 0).flatMap(t => {
              const m = t.getScreenCTM();
              const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
              return px < 11.95 ? [t.closest('section').dataset.patient + ' "' + t.textContent + '" ' + px.toFixed(1) + ' px'] : [];
            })
            """);
        Assert.True(small.Length == 0, "chart text under 12 px: " + string.Join("; ", small.Take(10)));

        var collisions = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg.response-chart')].flatMap(svg => {
              const patient = svg.closest('section').dataset.patient;
              const box = e => e.getBoundingClientRect();
              const hit = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
              const labels = [...svg.querySelectorAll('text.point-label')];
              const points = [...svg.querySelectorAll('circle[data-point]')];
              const out = [];
              labels.forEach((l, i) => {
                points.forEach(p => { if (hit(box(l), box(p))) out.push(`${patient}: label "${l.textContent}" covers point ${p.dataset.date}`); });
                labels.slice(i + 1).forEach(o => { if (hit(box(l), box(o))) out.push(`${patient}: labels "${l.textContent}" and "${o.textContent}" overlap`); });
              });
              return out;
            })
            """);
        Assert.True(collisions.Length == 0, string.Join("; ", collisions));
        // The nadir is labelled on its point, and every chart has a legend and a text alternative.
        Assert.True(await page.Locator("svg.response-chart text.point-label", new() { HasTextString = "nadir" }).CountAsync() > 0);
        var charts = await page.Locator("svg.chart").CountAsync();
        Assert.Equal(charts, await page.Locator("svg.chart[aria-describedby] > desc").CountAsync());
        Assert.Equal(await page.Locator("svg.response-chart").CountAsync() + await page.Locator("svg.timeline-chart").CountAsync(),
            await page.Locator(".chart-with-legend > ul.legend").CountAsync());

        Directory.CreateDirectory(OutDir);
        foreach (var id in new[] { "p04", "p11" })
        {
            var path = Path.Combine(OutDir, $"{id}-1280px.png");
            await page.Locator($"section[data-patient='Patient/{id}']").ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
            Assert.True(new FileInfo(path).Length > 10_000);
            output.WriteLine($"screenshot: {path}");
        }
    }

    [Fact]
    public async Task Every_sample_fits_an_800px_window()
    {
        var file = await WriteAsync("board-all-samples-800.html", BoardFixtures.AllSampleIds.Select(BoardFixtures.Sample).ToList());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.OpenAsync(browser, file, 800);
        AssertNoOverflow(await Overflow(page), "800 px window");
        var tracks = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.patient-body')).gridTemplateColumns");
        Assert.Single(tracks.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Every_sample_prints_on_a4_with_the_patient_header_and_page_n_of_m_on_every_page()
    {
        var patients = BoardFixtures.AllSampleIds.Select(BoardFixtures.Sample).ToList();
        var file = await WriteAsync("board-all-samples-print.html", patients);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.OpenAsync(browser, file, A4PrintableWidthPx);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        AssertNoOverflow(await Overflow(page), "A4 printable width");

        var pdf = Path.Combine(OutDir, "board-all-samples.pdf");
        await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Path = pdf });
        var pages = Chromium.PdfPages(pdf);
        var perPatient = PagesPerPatient(pages, patients);
        output.WriteLine($"{pages.Count} printed pages for {patients.Count} samples and the cover ({pdf}); per patient: "
            + string.Join(", ", perPatient.Select(p => $"{p.Key[8..]} {p.Value}")));

        Assert.Equal(patients.Select(p => p.PatientReference).Order(), perPatient.Keys.Order());
        // One patient fills at most two pages in the common case (at least 4 in 5 patients), never more than three.
        Assert.All(perPatient, p => Assert.True(p.Value <= 3, $"{p.Key} prints on {p.Value} pages"));
        Assert.True(perPatient.Count(p => p.Value <= 2) * 5 >= perPatient.Count * 4, "fewer than 4 in 5 patients print on at most two pages");
    }

    [Fact]
    public async Task The_packet_of_the_18_samples_of_the_issue_prints_in_at_most_40_pages()
    {
        var patients = BoardFixtures.SampleIds.Select(BoardFixtures.Sample).ToList();
        var file = await WriteAsync("board-18-samples.html", patients);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await Chromium.OpenAsync(browser, file, A4PrintableWidthPx);
        var pdf = Path.Combine(OutDir, "board-18-samples.pdf");
        await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true, Path = pdf });
        var pages = Chromium.PdfPages(pdf);
        output.WriteLine($"{pages.Count} printed pages for the 18 samples and the cover ({pdf})");
        Assert.Equal(18, PagesPerPatient(pages, patients).Count);
        Assert.InRange(pages.Count, 19, 40);
    }

    /// <summary>
    /// Checks the running header of every page after the cover — "name · Patient/id" at the top, "page n/m" at the
    /// bottom — and that each patient's pages follow each other; returns the number of pages of each patient.
    /// </summary>
    private static Dictionary<string, int> PagesPerPatient(IReadOnlyList<string> pages, IReadOnlyList<BoardPatient> patients)
    {
        var names = patients.ToDictionary(p => p.PatientReference, p => p.Name ?? "(no name)");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        Assert.Contains("Tumor board packet", pages[0]);
        Assert.Contains($"page 1/{pages.Count}", pages[0]);
        for (var i = 1; i < pages.Count; i++)
        {
            var header = HeaderRegex().Match(pages[i]);
            Assert.True(header.Success, $"page {i + 1} has no patient header: {pages[i][..Math.Min(200, pages[i].Length)]}");
            var reference = header.Groups["ref"].Value;
            Assert.True(names.TryGetValue(reference, out var name), $"page {i + 1}: unknown {reference}");
            Assert.Contains($"{name} · {reference}", pages[i]);
            Assert.Contains($"page {i + 1}/{pages.Count}", pages[i]);
            if (reference != previous) Assert.False(counts.ContainsKey(reference), $"{reference} is printed in two places");
            counts[reference] = counts.GetValueOrDefault(reference) + 1;
            previous = reference;
        }
        return counts;
    }

    private static async Task<string> WriteAsync(string name, IReadOnlyList<BoardPatient> patients)
    {
        Directory.CreateDirectory(OutDir);
        var file = Path.Combine(OutDir, name);
        await File.WriteAllTextAsync(file, BoardRenderer.Render(patients));
        return file;
    }

    /// <summary>Every visible element that reaches past the page's right edge (or the left), by patient.</summary>
    private static async Task<JsonElement> Overflow(IPage page) => await page.EvaluateAsync<JsonElement>("""
        () => {
          const limit = document.documentElement.clientWidth;
          const bad = [];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.right > limit + 0.5 || r.left < -0.5) {
              const cls = typeof el.className === 'string' ? el.className : el.className.baseVal;
              bad.push(`${el.closest('section')?.dataset.patient ?? 'cover'} <${el.tagName.toLowerCase()} class="${cls}"> ${Math.round(r.left)}..${Math.round(r.right)} "${(el.textContent ?? '').slice(0, 40)}"`);
            }
          }
          return { limit, scrollWidth: document.documentElement.scrollWidth, bad };
        }
        """);

    private static void AssertNoOverflow(JsonElement overflow, string where)
    {
        var bad = overflow.GetProperty("bad").EnumerateArray().Select(b => b.GetString()).ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} element(s) wider than the page at {where} ({overflow.GetProperty("limit")} px): " + string.Join("; ", bad.Take(12)));
        Assert.True(overflow.GetProperty("scrollWidth").GetInt32() <= overflow.GetProperty("limit").GetInt32(), $"the page scrolls sideways at {where}");
    }

    [GeneratedRegex(@"(?<name>\S[^\n]*?) · (?<ref>Patient/[A-Za-z0-9\-.]+)")] private static partial Regex HeaderRegex();
}
