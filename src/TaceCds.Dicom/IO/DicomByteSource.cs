using System.Buffers.Binary;

namespace TaceCds.Dicom.IO;

/// <summary>
/// Little-endian reads over a stream through one fixed buffer, tracking the absolute byte offset. Every
/// allocation is bounded by the bytes actually left: when the stream's length is known a length past the
/// end is refused before allocating; otherwise values are read in chunks so a lying length runs out of data
/// (DCM101) before it can allocate more than twice what was really there.
/// </summary>
internal sealed class DicomByteSource
{
    private const int BufferSize = 64 * 1024;
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private readonly long _streamStart;
    private int _pos;
    private int _len;
    private long _bufferOffset;
    private bool _eof;

    public DicomByteSource(Stream stream)
    {
        _stream = stream;
        if (stream.CanSeek)
        {
            _streamStart = stream.Position;
            Length = stream.Length - _streamStart;
            _buffer = new byte[(int)Math.Clamp(Length.Value, 256, BufferSize)];
        }
        else
        {
            _buffer = new byte[BufferSize];
        }
    }

    /// <summary>Total bytes in the stream from where reading started, when the stream can tell.</summary>
    public long? Length { get; }

    public long Position => _bufferOffset + _pos;

    public bool AtEnd => !Ensure(1);

    /// <summary>Bytes left when the length is known; otherwise null.</summary>
    public long? Remaining => Length - Position;

    public ushort ReadUInt16()
    {
        Require(2);
        var v = BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(_pos));
        _pos += 2;
        return v;
    }

    public uint ReadUInt32()
    {
        Require(4);
        var v = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_pos));
        _pos += 4;
        return v;
    }

    /// <summary>Looks at the next bytes without consuming them; shorter when the data ends first.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        Ensure(count);
        return _buffer.AsSpan(_pos, Math.Min(count, _len - _pos));
    }

    public byte ReadByte()
    {
        Require(1);
        return _buffer[_pos++];
    }

    public byte[] ReadBytes(long count)
    {
        CheckAvailable(count);
        if (count <= _len - _pos)
        {
            var small = _buffer.AsSpan(_pos, (int)count).ToArray();
            _pos += (int)count;
            return small;
        }
        if (Length is not null)
        {
            var result = new byte[count];
            var filled = _len - _pos;
            _buffer.AsSpan(_pos, filled).CopyTo(result);
            _pos = _len;
            while (filled < count)
            {
                var n = _stream.Read(result, filled, (int)(count - filled));
                if (n == 0)
                    throw Error(DicomErrorCodes.Truncated, "data ended inside a value");
                filled += n;
                _bufferOffset += n;
            }
            _bufferOffset += _len;
            _pos = _len = 0;
            return result;
        }
        // Unknown length: grow only as fast as real data arrives.
        using var collected = new MemoryStream();
        while (collected.Length < count)
        {
            if (!Ensure(1))
                throw Error(DicomErrorCodes.Truncated, "data ended inside a value");
            var take = (int)Math.Min(_len - _pos, count - collected.Length);
            collected.Write(_buffer, _pos, take);
            _pos += take;
        }
        return collected.ToArray();
    }

    public void Skip(long count)
    {
        CheckAvailable(count);
        var inBuffer = Math.Min(count, _len - _pos);
        _pos += (int)inBuffer;
        count -= inBuffer;
        if (count == 0)
            return;
        if (_stream.CanSeek)
        {
            _bufferOffset += _len + count;
            _pos = _len = 0;
            _stream.Seek(_streamStart + _bufferOffset, SeekOrigin.Begin);
            return;
        }
        while (count > 0)
        {
            if (!Ensure(1))
                throw Error(DicomErrorCodes.Truncated, "data ended inside a skipped value");
            var take = (int)Math.Min(_len - _pos, count);
            _pos += take;
            count -= take;
        }
    }

    public DicomFormatException Error(string code, string message) => new(code, Position, message);

    private void CheckAvailable(long count)
    {
        if (count < 0 || (Remaining is { } left && count > left))
            throw Error(DicomErrorCodes.LengthPastEnd, $"length {count} goes past the end of the data ({Remaining} bytes left)");
    }

    private void Require(int count)
    {
        if (!Ensure(count))
            throw Error(DicomErrorCodes.Truncated, "data ended unexpectedly");
    }

    private bool Ensure(int count)
    {
        if (_len - _pos >= count)
            return true;
        if (_eof)
            return false;
        // Slide what is left to the front and refill.
        var left = _len - _pos;
        Buffer.BlockCopy(_buffer, _pos, _buffer, 0, left);
        _bufferOffset += _pos;
        _pos = 0;
        _len = left;
        while (_len < count)
        {
            var n = _stream.Read(_buffer, _len, _buffer.Length - _len);
            if (n == 0)
            {
                _eof = true;
                return false;
            }
            _len += n;
        }
        return true;
    }
}
