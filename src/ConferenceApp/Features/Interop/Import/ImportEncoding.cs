using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Checks the encoding of a CSV or JSON upload before it is parsed, so that a file in another
/// encoding is rejected instead of read with replacement characters. A UTF-8 byte order mark is
/// dropped, and a file with a UTF-16 byte order mark is converted to UTF-8.
/// </summary>
public static class ImportEncoding
{
    private const string SaveAsUtf8 = "Save it as UTF-8 and upload it again.";

    /// <summary>Returns the content as UTF-8 without a byte order mark.</summary>
    /// <exception cref="ImportFileException">The bytes are not valid UTF-8 (or UTF-16 after its byte order mark), or contain a NUL byte.</exception>
    public static MemoryStream RequireUtf8(Stream content)
    {
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return FromUtf16(bytes[2..], bigEndian: bytes[0] == 0xFE);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        CheckUtf8(bytes);
        return new MemoryStream(bytes.ToArray(), writable: false);
    }

    // Reports whichever comes first: a NUL byte or an invalid UTF-8 sequence.
    private static void CheckUtf8(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        var invalid = FirstInvalidByte(nul < 0 ? bytes : bytes[..nul]);
        if (invalid >= 0)
        {
            throw new ImportFileException($"The file is not UTF-8: line {LineAt(bytes, invalid)} has bytes that are not valid UTF-8. {SaveAsUtf8}");
        }

        // A NUL is valid UTF-8 but never part of a text file; UTF-16 without a byte order mark has one in every ASCII character.
        if (nul >= 0)
        {
            throw new ImportFileException($"The file is not UTF-8: line {LineAt(bytes, nul)} has a NUL byte, as a UTF-16 file without a byte order mark has. {SaveAsUtf8}");
        }
    }

    // Returns the offset of the first byte that does not start a valid UTF-8 sequence, or -1.
    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return status == OperationStatus.InvalidData ? read : -1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static MemoryStream FromUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            var before = bytes[..Math.Clamp(exception.Index, 0, bytes.Length)];
            var line = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(before).AsSpan().Count('\n') + 1;
            throw new ImportFileException($"The file starts with a UTF-16 byte order mark, but line {line} has bytes that are not valid UTF-16. {SaveAsUtf8}");
        }

        return new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
    }

    // Counts the line feeds before the byte at offset, so the first line is line 1.
    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;
}
