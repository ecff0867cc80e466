using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TaceCds.Service.Tests.Deployment;

/// <summary>
/// Issue 14: HTTPS with a certificate from configuration (<c>Kestrel:Endpoints:…:Certificate</c>), on a real Kestrel:
/// the client sees exactly the configured certificate.
/// </summary>
public sealed class HttpsListeningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tacecds-https-").FullName;

    [Fact]
    public async Task A_Kestrel_endpoint_with_a_pfx_certificate_from_configuration_serves_HTTPS()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=tacecds-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(_folder, "service.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        var port = FreePort();

        await using var app = Program.Build([
            "--TaceCds:Store=sqlite:" + Path.Combine(_folder, "store.db"),
            $"--Kestrel:Endpoints:Https:Url=https://127.0.0.1:{port}",
            "--Kestrel:Endpoints:Https:Certificate:Path=" + pfx,
            "--Kestrel:Endpoints:Https:Certificate:Password=test-password",
        ]);
        await app.StartAsync();
        try
        {
            string? seen = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => (seen = cert?.Thumbprint) == certificate.Thumbprint,
            };
            using var http = new HttpClient(handler);
            var live = await http.GetAsync($"https://127.0.0.1:{port}/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(certificate.Thumbprint, seen);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
