using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TaceCds.Cli.Tests.Contract;
using TaceCds.Fhir.Bulk;
using TaceCds.Fhir.Client;

namespace TaceCds.Cli.Tests.Population;

/// <summary>
/// Issue 17 point 1: <c>tacecds bulk-export</c> against the loopback Bulk Data test server — kick-off, polling with
/// Retry-After and X-Progress, errors at kick-off and at status, cancel (DELETE), resume, bounded downloads, bearer and
/// SMART Backend Services tokens — and the downloaded NDJSON evaluates.
/// </summary>
public sealed class BulkExportCommandTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("tacecds-bulk-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private string Folder => Path.Combine(_out, "export");

    [Fact]
    public void Given_two_in_progress_answers_with_Retry_After_1_s_the_export_waits_about_2_s_then_downloads_and_the_NDJSON_evaluates()
    {
        using var server = new BulkTestServer(["p02", "p15"], "--polls", "2", "--retry-after", "1", "--token", "s3cret");
        var clock = Stopwatch.StartNew();

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder, "--token", "s3cret");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"took {clock.Elapsed}: Retry-After was not honoured");
        Assert.Contains("waiting: in progress (1/2); next poll in 1 s", run.Stderr);
        Assert.Contains("waiting: in progress (2/2); next poll in 1 s", run.Stderr);
        var log = server.Log();
        Assert.Single(log["kickoffs"]!.AsArray());
        Assert.Equal(3, (int)log["polls"]!);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(Folder, "Patient.ndjson")).Length);
        Assert.DoesNotContain("s3cret", run.Stdout + run.Stderr);

        var evaluated = CliProcess.Run("evaluate", "--ndjson", Folder, "--as-of", "2025-06-01");
        Assert.Equal(0, evaluated.ExitCode);
        var results = evaluated.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["Patient/p02", "Patient/p15"], results.Select(r => r["patient"]!.ToString()).Order());
        Assert.Equal("met", results.Single(r => r["patient"]!.ToString() == "Patient/p02")["definitions"]!["cci-2022"]!["status"]!.ToString());
    }

    [Fact]
    public void A_Retry_After_of_30_s_is_capped_by_max_retry_after()
    {
        using var server = new BulkTestServer(["p02"], "--polls", "1", "--retry-after", "30");
        var clock = Stopwatch.StartNew();

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder, "--max-retry-after", "1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("next poll in 1 s", run.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Group_type_and_since_go_into_the_kick_off_and_only_those_types_are_written()
    {
        using var server = new BulkTestServer(["p02"], "--polls", "0");

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder, "--group", "tace-board",
            "--type", "Patient,Procedure", "--since", "2024-01-01T00:00:00Z");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("/fhir/Group/tace-board/$export?_type=Patient,Procedure&_since=2024-01-01T00%3A00%3A00Z", server.Log()["kickoffs"]![0]!.ToString());
        Assert.Equal(["Patient.ndjson", "Procedure.ndjson", BulkExportState.FileName],
            Directory.GetFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--kickoff-status", "500", "BULK101", "500 (OperationOutcome: kick-off refused (test status 500))")]
    [InlineData("--kickoff-status", "403", "BULK101", "403 (OperationOutcome: kick-off refused (test status 403))")]
    [InlineData("--status-status", "500", "BULK102", "500 (OperationOutcome: export failed (test status 500))")]
    [InlineData("--status-status", "404", "BULK102", "404 (OperationOutcome: export failed (test status 404))")]
    public void An_error_status_at_kick_off_or_at_status_is_one_line_with_its_code_and_the_OperationOutcome(string option, string status, string code, string said)
    {
        using var server = new BulkTestServer(["p02"], option, status, "--polls", "0");

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {code}: GET ", run.Stderr.Split('\n').Last(l => l.Length > 0));
        Assert.Contains(said, run.Stderr);
    }

    [Fact]
    public void Without_the_token_the_kick_off_is_refused_401()
    {
        using var server = new BulkTestServer(["p02"], "--token", "s3cret");

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BULK101", run.Stderr);
        Assert.Contains(": 401", run.Stderr);
    }

    [Fact]
    public async Task Cancelling_while_the_export_runs_sends_DELETE_to_the_status_URL_and_clears_the_state()
    {
        using var server = new BulkTestServer(["p02"], "--polls", "100", "--retry-after", "1");
        using var http = new HttpClient(new FhirConnectGuard().CreateHandler());
        var client = new BulkExportClient(http, new FhirServerAccess(new Uri(server.BaseUrl)));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        var error = await Assert.ThrowsAsync<BulkExportException>(() => client.RunAsync(new BulkExportRequest(), Folder, null, cts.Token));

        Assert.Equal(BulkExportErrorCodes.Cancelled, error.Code);
        Assert.Equal(1, (int)server.Log()["deletes"]!);
        Assert.False(File.Exists(Path.Combine(Folder, BulkExportState.FileName)));
    }

    [Fact]
    public void An_export_stopped_while_in_progress_resumes_polling_the_same_status_URL_or_is_cancelled_with_cancel()
    {
        using var server = new BulkTestServer(["p02"], "--polls", "2", "--retry-after", "1");

        var first = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder, "--max-wait", "0");
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("BULK106", first.Stderr);

        var second = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("resuming: polling the export started earlier", second.Stderr);
        Assert.Single(server.Log()["kickoffs"]!.AsArray());

        var cancel = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder, "--cancel");
        Assert.Equal(0, cancel.ExitCode);
        Assert.Equal(1, (int)server.Log()["deletes"]!);
    }

    [Fact]
    public void A_failed_download_is_resumed_without_downloading_the_completed_files_again()
    {
        using var server = new BulkTestServer(["p02"], "--polls", "0", "--fail-file-once", "Observation");

        var first = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder);
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("BULK104", first.Stderr);
        Assert.False(File.Exists(Path.Combine(Folder, "Observation.ndjson")));

        var second = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder);
        Assert.True(second.ExitCode == 0, second.Stderr);
        var downloads = server.Log()["downloads"]!;
        Assert.Equal(2, (int)downloads["Observation"]!);
        Assert.Equal(1, (int)downloads["Patient"]!);
        Assert.Single(server.Log()["kickoffs"]!.AsArray());
        Assert.True(File.Exists(Path.Combine(Folder, "Observation.ndjson")));
    }

    [Fact]
    public void A_file_over_max_file_bytes_is_BULK103_and_not_kept()
    {
        using var server = new BulkTestServer(["p02"], "--polls", "0");

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder, "--max-file-bytes", "2000");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BULK103", run.Stderr);
        Assert.Contains("larger than the limit of 2000 bytes", run.Stderr);
        Assert.Empty(Directory.GetFiles(Folder, "*.partial"));
        Assert.False(File.Exists(Path.Combine(Folder, "Observation.ndjson")));
    }

    [Theory]
    [InlineData("ec")]
    [InlineData("rsa")]
    public void SMART_backend_services_get_a_token_with_a_signed_assertion_and_export(string kind)
    {
        var (privatePem, publicPem) = KeyPair(kind);
        File.WriteAllText(Path.Combine(_out, "key.pem"), privatePem);
        File.WriteAllText(Path.Combine(_out, "pub.pem"), publicPem);
        using var server = new BulkTestServer(["p02"], "--polls", "0", "--client-id", "tacecds-bulk", "--public-key", Path.Combine(_out, "pub.pem"));

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder,
            "--client-id", "tacecds-bulk", "--private-key", Path.Combine(_out, "key.pem"), "--token-url", server.BaseUrl + "/auth/token");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(1, (int)server.Log()["tokenRequests"]!);
        Assert.Equal(0, (int)server.Log()["unauthorized"]!);
        Assert.True(File.Exists(Path.Combine(Folder, "Patient.ndjson")));
    }

    [Fact]
    public void An_assertion_signed_with_another_key_is_refused_BULK108()
    {
        var (_, publicPem) = KeyPair("ec");
        var (otherPrivate, _) = KeyPair("ec");
        File.WriteAllText(Path.Combine(_out, "key.pem"), otherPrivate);
        File.WriteAllText(Path.Combine(_out, "pub.pem"), publicPem);
        using var server = new BulkTestServer(["p02"], "--client-id", "tacecds-bulk", "--public-key", Path.Combine(_out, "pub.pem"));

        var run = CliProcess.Run("bulk-export", "--fhir-server", server.BaseUrl, "--out", Folder,
            "--client-id", "tacecds-bulk", "--private-key", Path.Combine(_out, "key.pem"), "--token-url", server.BaseUrl + "/auth/token");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("BULK108", run.Stderr);
        Assert.Empty(server.Log()["kickoffs"]!.AsArray());
    }

    private static (string Private, string Public) KeyPair(string kind)
    {
        if (kind == "ec")
        {
            using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP384);
            return (ec.ExportPkcs8PrivateKeyPem(), ec.ExportSubjectPublicKeyInfoPem());
        }
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }
}
