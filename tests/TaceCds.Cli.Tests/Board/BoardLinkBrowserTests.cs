using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TaceCds.Cli.Tests.Deployment;
using TaceCds.Testing;

namespace TaceCds.Cli.Tests.Board;

/// <summary>
/// Issue 15's "done when", in a browser: <c>tacecds serve</c> (a real Kestrel listener, client JWTs ON) answers an EHR's
/// patient-view call; headless Chromium (Debian's package, never a downloaded browser) follows the card's board link
/// with no Authorization header and gets the patient's page; the same token on another patient's page, and the page
/// without a token, are refused. A screenshot is kept in artifacts/test-results/links/.
/// </summary>
public sealed class BoardLinkBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"tacecds-link-browser-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task The_cards_board_link_opens_p02s_page_in_chromium_without_a_client_JWT_and_not_p03s()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run tools/install/chromium.sh (./test.sh does)");
        var port = ServeProcess.FreePort();
        var publicBase = $"http://127.0.0.1:{port}";
        var service = publicBase + "/cds-services/tace-course-review";
        var jwts = new ClientTokens((service, 1));
        var environment = ServeProcess.SampleEnvironment();
        foreach (var (k, v) in jwts.Environment) environment[k] = v;
        environment["TaceCds__PublicBaseUrl"] = publicBase;
        environment["TaceCds__Store"] = "sqlite:" + _store;
        environment["TaceCds__Board__LinkSecret"] = "browser-test-link-secret-of-at-least-32-bytes";
        using var serve = new ServeProcess(environment, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await serve.WaitLiveAsync(publicBase);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var call = new HttpRequestMessage(HttpMethod.Post, service)
        {
            Content = new StringContent(new JsonObject
            {
                ["hook"] = "patient-view", ["hookInstance"] = Guid.NewGuid().ToString(),
                ["context"] = new JsonObject { ["userId"] = "Practitioner/x", ["patientId"] = "p02" },
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwts.Next(service));
        var answer = await http.SendAsync(call);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
        var link = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["cards"]!.AsArray()
            .SelectMany(c => c!["links"]?.AsArray() ?? []).Select(l => (string)l!["url"]!)
            .Single(u => u.StartsWith(publicBase + "/board/p02?t=", StringComparison.Ordinal));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs, Timeout = 60_000,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var sentAuthorization = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Headers.ContainsKey("authorization")) lock (sentAuthorization) sentAuthorization.Add(request.Url);
        };

        var opened = await page.GotoAsync(link, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal(200, opened!.Status);
        Assert.Empty(sentAuthorization);
        Assert.Equal(1, await page.Locator("[data-patient='Patient/p02']").CountAsync());
        Assert.Contains("TACE refractoriness (CCI 2022)", await page.Locator("body").InnerTextAsync());
        var outDir = RepoPaths.InRepo("artifacts", "test-results", "links");
        Directory.CreateDirectory(outDir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(outDir, "board-link-p02.png") });

        var otherPatient = await page.GotoAsync(link.Replace("/board/p02?", "/board/p03?", StringComparison.Ordinal));
        Assert.Equal(403, otherPatient!.Status);
        Assert.Contains("CDS211", await otherPatient.TextAsync());
        Assert.Equal(0, await page.Locator("[data-patient]").CountAsync());

        // Without a token the page still needs the client JWT (a bare 401, which Chromium shows as an error page).
        var withoutToken = await page.Context.APIRequest.GetAsync(publicBase + "/board/p02");
        Assert.Equal(401, withoutToken.Status);
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_store + suffix); } catch (IOException) { }
    }
}
