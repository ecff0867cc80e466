using System.Buffers;
using System.Text.Json;

namespace TaceCds.Service.Requests;

/// <summary>A parsed request body over a pooled buffer; disposing returns the buffer (so the document must not outlive it).</summary>
public sealed class JsonBody(JsonDocument document, byte[] rented) : IDisposable
{
    private byte[]? _rented = rented;

    public JsonElement RootElement => document.RootElement;

    public void Dispose()
    {
        document.Dispose();
        if (Interlocked.Exchange(ref _rented, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
    }
}
