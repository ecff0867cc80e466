using System.Buffers.Binary;
using System.Text;

namespace TaceCds.Dicom.Tests.Support;

/// <summary>
/// Writes deliberately malformed explicit VR little endian bytes for hostile-input tests (no DICOM tool
/// writes a 10 000-deep sequence or a lying length). Not a DICOM writer: it does exactly what it is told.
/// </summary>
public sealed class RawDicomBuilder
{
    private readonly MemoryStream _bytes = new();

    public RawDicomBuilder Preamble(string transferSyntax = "1.2.840.10008.1.2.1")
    {
        _bytes.Write(new byte[128]);
        _bytes.Write("DICM"u8);
        var uid = transferSyntax.Length % 2 == 1 ? transferSyntax + "\0" : transferSyntax;
        return Short(0x0002, 0x0010, "UI", Encoding.ASCII.GetBytes(uid));
    }

    public RawDicomBuilder Tag(ushort group, ushort element)
    {
        U16(group);
        U16(element);
        return this;
    }

    public RawDicomBuilder Short(ushort group, ushort element, string vr, byte[] value, int? lengthOverride = null)
    {
        Tag(group, element);
        _bytes.Write(Encoding.ASCII.GetBytes(vr));
        U16((ushort)(lengthOverride ?? value.Length));
        _bytes.Write(value);
        return this;
    }

    public RawDicomBuilder Long(ushort group, ushort element, string vr, uint length, byte[]? value = null)
    {
        Tag(group, element);
        _bytes.Write(Encoding.ASCII.GetBytes(vr));
        U16(0);
        U32(length);
        if (value is not null)
            _bytes.Write(value);
        return this;
    }

    public RawDicomBuilder Item(uint length) => Tag(0xFFFE, 0xE000).U32(length);
    public RawDicomBuilder ItemEnd() => Tag(0xFFFE, 0xE00D).U32(0);
    public RawDicomBuilder SequenceEnd() => Tag(0xFFFE, 0xE0DD).U32(0);
    public RawDicomBuilder Bytes(params byte[] raw) { _bytes.Write(raw); return this; }

    public RawDicomBuilder U32(uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        _bytes.Write(b);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private void U16(ushort v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        _bytes.Write(b);
    }
}
