using System.Net;
using System.Net.Sockets;

namespace TaceCds.Fhir.Client;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the FHIR client: resolves the host itself, checks every
/// address DNS returned against the request's <see cref="AddressPolicy"/>, and opens a socket only when all of them may
/// be contacted — a name that also points at a metadata or private address is refused as a whole, so DNS answers
/// cannot steer the connection (issue 13 row 1). A refusal is an <see cref="AddressRefusedException"/> inside the
/// <see cref="HttpRequestException"/>, which <see cref="FhirRestClient"/> reports as FC108.
/// The counters say how often it was asked, refused and actually connected (tests prove "no connection" with them;
/// metrics may read them).
/// </summary>
public sealed class FhirConnectGuard(
    Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null,
    Func<IPEndPoint, CancellationToken, ValueTask<Stream>>? connect = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;
    private readonly Func<IPEndPoint, CancellationToken, ValueTask<Stream>> _connect = connect ?? ConnectSocketAsync;
    private long _attempts, _refused, _connected;

    public long Attempts => Interlocked.Read(ref _attempts);
    public long Refused => Interlocked.Read(ref _refused);
    /// <summary>Sockets opened (connections established), over the guard's lifetime.</summary>
    public long Connected => Interlocked.Read(ref _connected);

    /// <summary>A handler for the FHIR client: this guard at connect time, redirects never followed.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = ConnectAsync,
        // Re-resolve now and then: a pooled connection must not outlive the DNS answer it was checked against forever.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        var policy = context.InitialRequestMessage.Options.TryGetValue(AddressPolicy.OptionKey, out var p) ? p : AddressPolicy.PublicOnly;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, ct).ConfigureAwait(false);
        if (addresses.Length == 0) throw Refuse($"{host} has no address");
        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } why) throw Refuse(why);
        }
        Exception? last = null;
        foreach (var address in addresses)
        {
            try
            {
                var stream = await _connect(new IPEndPoint(address, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
                Interlocked.Increment(ref _connected);
                return stream;
            }
            catch (SocketException e)
            {
                last = e;
            }
        }
        throw last!;
    }

    private AddressRefusedException Refuse(string why)
    {
        Interlocked.Increment(ref _refused);
        return new AddressRefusedException(why);
    }

    private static async ValueTask<Stream> ConnectSocketAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The connect guard refused every address of a FHIR server (FC108).</summary>
public sealed class AddressRefusedException(string message) : Exception(message);
