using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaceCds.Cli.Tests.Deployment;

/// <summary>
/// Issue 14's "done when", through the real CLI: <c>tacecds serve --urls http://0.0.0.0:PORT</c> (client JWTs on,
/// <c>TaceCds:PublicBaseUrl</c> set) answers /health/ready 200 and /metrics with the hook-call counter after one call;
/// with <c>--no-auth</c>, or without PublicBaseUrl, it exits 2 with a message saying why.
/// </summary>
public sealed class ServeListeningTests
{
    private static StringContent PatientView(string patientId) => new(new JsonObject
    {
        ["hook"] = "patient-view", ["hookInstance"] = Guid.NewGuid().ToString(),
        ["context"] = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = patientId },
    }.ToJsonString(), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Serve_on_0_0_0_0_with_auth_is_ready_and_counts_one_hook_call_in_metrics()
    {
        var port = ServeProcess.FreePort();
        var publicBase = $"http://127.0.0.1:{port}";
        var service = publicBase + "/cds-services/tace-course-review";
        var tokens = new ClientTokens((service, 1));
        var environment = ServeProcess.SampleEnvironment();
        foreach (var (k, v) in tokens.Environment) environment[k] = v;
        environment["TaceCds__PublicBaseUrl"] = publicBase;
        environment["TaceCds__Store"] = "sqlite:" + Path.Combine(Path.GetTempPath(), $"tacecds-listen-{Guid.NewGuid():N}.db");
        // Off loopback, enabled board links need their signing key (issue 15).
        environment["TaceCds__Board__LinkSecret"] = new string('k', 32);
        using var serve = new ServeProcess(environment, "--urls", $"http://0.0.0.0:{port}");
        await serve.WaitLiveAsync(publicBase);
        using var http = new HttpClient { BaseAddress = new Uri(publicBase) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        using var call = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review") { Content = PatientView("p02") };
        call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Next(service));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(call)).StatusCode);
        var metrics = await http.GetStringAsync("/metrics");
        var counted = Assert.Single(metrics.Split('\n'), l => l.StartsWith("tacecds_hook_calls_total{", StringComparison.Ordinal));
        Assert.All(new[] { "service=\"tace-course-review\"", "hook=\"patient-view\"", "status=\"200\"" }, label => Assert.Contains(label, counted));
        Assert.Equal("1", counted.Split(' ')[1]);
        Assert.Contains($"http://0.0.0.0:{port}", string.Join("\n", serve.Stdout.Concat(serve.Stderr)));
    }

    [Fact]
    public void Serve_with_no_auth_on_0_0_0_0_exits_2_saying_demo_mode_is_loopback_only()
    {
        var port = ServeProcess.FreePort();
        using var serve = new ServeProcess(ServeProcess.SampleEnvironment(), "--no-auth", "--urls", $"http://0.0.0.0:{port}");
        Assert.Equal(2, serve.WaitForExit(TimeSpan.FromSeconds(60)));
        var error = string.Join("\n", serve.Stderr);
        Assert.Contains($"http://0.0.0.0:{port}", error);
        Assert.Contains("not a loopback address", error);
    }

    [Fact]
    public void Serve_with_no_auth_and_ASPNETCORE_URLS_off_loopback_exits_2_too()
    {
        var environment = ServeProcess.SampleEnvironment();
        environment["ASPNETCORE_URLS"] = $"http://*:{ServeProcess.FreePort()}";
        using var serve = new ServeProcess(environment, "--no-auth");
        Assert.Equal(2, serve.WaitForExit(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void Serve_off_loopback_with_auth_but_no_PublicBaseUrl_exits_2_naming_the_setting()
    {
        using var serve = new ServeProcess(ServeProcess.SampleEnvironment(), "--urls", $"http://0.0.0.0:{ServeProcess.FreePort()}");
        Assert.Equal(2, serve.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("TaceCds:PublicBaseUrl", string.Join("\n", serve.Stderr));
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line_and_hold_no_patient_id_token_or_hookInstance()
    {
        var port = ServeProcess.FreePort();
        var publicBase = $"http://127.0.0.1:{port}";
        var service = publicBase + "/cds-services/tace-course-review";
        var tokens = new ClientTokens((service, 2));
        var environment = ServeProcess.SampleEnvironment();
        foreach (var (k, v) in tokens.Environment) environment[k] = v;
        environment["TaceCds__Store"] = "sqlite:" + Path.Combine(Path.GetTempPath(), $"tacecds-jsonlog-{Guid.NewGuid():N}.db");
        environment["Logging__LogLevel__TaceCds"] = "Debug"; // the per-call line too
        using var serve = new ServeProcess(environment, "--urls", publicBase, "--log-format", "json");
        await serve.WaitLiveAsync(publicBase);
        using var http = new HttpClient { BaseAddress = new Uri(publicBase) };

        var token = tokens.Next(service);
        var body = PatientView("p07");
        var hookInstance = (string)JsonNode.Parse(await body.ReadAsStringAsync())!["hookInstance"]!;
        foreach (var attempt in new[] { "first", "replayed" })
        {
            using var call = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review") { Content = PatientView("p07") };
            call.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(attempt == "first" ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await http.SendAsync(call)).StatusCode);
        }
        using (var withBody = new HttpRequestMessage(HttpMethod.Post, "/cds-services/tace-course-review") { Content = body })
        {
            withBody.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Next(service));
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withBody)).StatusCode);
        }
        // Console logging is queued: wait for the lines before stopping the process.
        await serve.WaitForOutputAsync(l => l.Contains("card(s)", StringComparison.Ordinal), 2, TimeSpan.FromSeconds(20));
        serve.Kill();

        var lines = serve.Stdout.Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l.Contains("AUTH140", StringComparison.Ordinal)); // the replay refusal was logged…
        Assert.Contains(lines, l => l.Contains("card(s)", StringComparison.Ordinal)); // …and the per-call line
        foreach (var line in lines)
        {
            using var parsed = JsonDocument.Parse(line); // every line is one JSON object
            Assert.True(parsed.RootElement.TryGetProperty("LogLevel", out _), line);
            foreach (var secret in new[] { "p07", token, hookInstance, "Practitioner/example" })
                Assert.DoesNotContain(secret, line);
        }
        Assert.DoesNotContain(serve.Stderr, l => l.Length > 0);
    }
}
