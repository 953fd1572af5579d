using System.Security.Cryptography;
using SkiaSharp;

namespace ConferenceApp.Infrastructure.Images;

/// <summary>A processed photo: one square JPEG per size the pages use, and a hash of the source for cache-busting URLs.</summary>
/// <param name="Renditions">JPEG bytes by edge length in pixels.</param>
/// <param name="ContentHash">The first 16 hex digits of the SHA-256 of the uploaded bytes.</param>
public sealed record ProcessedPhoto(IReadOnlyDictionary<int, byte[]> Renditions, string ContentHash);

/// <summary>Why an uploaded photo was rejected, in words for the person who uploaded it.</summary>
public sealed class PhotoRejectedException(string message) : Exception(message)
{
    public PhotoRejectedException()
        : this("The photo was rejected.")
    {
    }

    public PhotoRejectedException(string message, Exception innerException)
        : this(message + " " + innerException.Message)
    {
    }
}

/// <summary>
/// Checks, decodes and re-encodes uploaded photos. Only JPEG, PNG and WebP are accepted, and
/// the file's content must match its name's extension. Re-encoding drops every metadata block
/// (EXIF, GPS, XMP) because only pixels are copied.
/// </summary>
public static class PhotoProcessor
{
    /// <summary>The edge lengths, in pixels, of the square renditions that the pages show.</summary>
    public static readonly int[] Sizes = [96, 256, 512];

    /// <summary>Decoded images larger than this many pixels on either edge are rejected, to bound memory use.</summary>
    public const int MaxEdgePixels = 12_000;

    private const int JpegQuality = 85;

    /// <summary>
    /// Returns the renditions of an uploaded photo, or throws <see cref="PhotoRejectedException"/>
    /// with a message for the uploader. <paramref name="maxBytes"/> limits the upload's size.
    /// </summary>
    public static ProcessedPhoto Process(byte[] upload, string fileName, long maxBytes)
    {
        if (upload.Length == 0)
        {
            throw new PhotoRejectedException("The file is empty.");
        }

        if (upload.Length > maxBytes)
        {
            throw new PhotoRejectedException(
                $"The file is {upload.Length / 1024.0 / 1024.0:0.0} MB; photos can be at most {maxBytes / 1024.0 / 1024.0:0.#} MB.");
        }

        var declared = FormatFromExtension(Path.GetExtension(fileName));
        var actual = FormatFromContent(upload);
        if (actual is null)
        {
            throw new PhotoRejectedException("The file is not a JPEG, PNG or WebP image. SVG and other formats are not accepted.");
        }

        if (declared != actual)
        {
            throw new PhotoRejectedException(
                $"The file's name says {declared?.ToString() ?? "another format"} but its content is {actual}. Upload the image under its real extension.");
        }

        using var source = Decode(upload);
        var renditions = Sizes.ToDictionary(size => size, size => SquareJpeg(source, size));
        var hash = Convert.ToHexStringLower(SHA256.HashData(upload))[..16];
        return new ProcessedPhoto(renditions, hash);
    }

    /// <summary>Image formats that photos may be uploaded in.</summary>
    public enum PhotoFormat
    {
        Jpeg,
        Png,
        WebP,
    }

    internal static PhotoFormat? FormatFromExtension(string extension) => extension.ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => PhotoFormat.Jpeg,
        ".png" => PhotoFormat.Png,
        ".webp" => PhotoFormat.WebP,
        _ => null,
    };

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // Reads the format from the file's signature (its first bytes), never from its name.
    internal static PhotoFormat? FormatFromContent(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(PngSignature))
        {
            return PhotoFormat.Png;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return PhotoFormat.WebP;
        }

        return null;
    }

    private static SKBitmap Decode(byte[] upload)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(upload))
            ?? throw new PhotoRejectedException("The image could not be decoded; the file may be damaged.");

        if (codec.Info.Width > MaxEdgePixels || codec.Info.Height > MaxEdgePixels)
        {
            throw new PhotoRejectedException(
                $"The image is {codec.Info.Width}×{codec.Info.Height} pixels; at most {MaxEdgePixels} pixels on each edge are accepted.");
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.IncompleteInput)
        {
            // The decoder fills the missing rows with grey, and a photo cut off part-way must not be published.
            bitmap.Dispose();
            throw new PhotoRejectedException("The image could not be decoded completely; the file may be cut off or damaged. Upload it again.");
        }

        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new PhotoRejectedException($"The image could not be decoded ({result}); the file may be damaged.");
        }

        // A photo taken with the camera turned is stored sideways with an orientation tag. The
        // tag is dropped with the metadata, so it is applied to the pixels here.
        return Orient(bitmap, codec.EncodedOrigin);
    }

    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return bitmap;
        }

        var swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var width = swaps ? bitmap.Height : bitmap.Width;
        var height = swaps ? bitmap.Width : bitmap.Height;
        var oriented = new SKBitmap(new SKImageInfo(width, height, bitmap.ColorType, bitmap.AlphaType));

        using (var canvas = new SKCanvas(oriented))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }

        bitmap.Dispose();
        return oriented;
    }

    // The transform that maps the stored pixels to the upright picture, for each EXIF orientation.
    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    // Crops the centred square of the source, scales it to size×size and encodes it as JPEG on white.
    private static byte[] SquareJpeg(SKBitmap source, int size)
    {
        var edge = Math.Min(source.Width, source.Height);
        var crop = SKRectI.Create((source.Width - edge) / 2, (source.Height - edge) / 2, edge, edge);
        var target = Math.Min(size, edge);

        using var surface = SKSurface.Create(new SKImageInfo(target, target, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.DrawImage(image, crop, SKRect.Create(target, target), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return data.ToArray();
    }
}
