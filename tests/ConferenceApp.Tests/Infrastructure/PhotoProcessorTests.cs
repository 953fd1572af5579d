using System.Text;
using ConferenceApp.Infrastructure.Images;
using SkiaSharp;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class PhotoProcessorTests
{
    private const long FiveMegabytes = 5 * 1024 * 1024;

    [Fact]
    public void Png_becomes_square_jpeg_renditions()
    {
        var photo = PhotoProcessor.Process(Encode(800, 600, SKEncodedImageFormat.Png), "me.png", FiveMegabytes);

        foreach (var size in PhotoProcessor.Sizes)
        {
            using var decoded = SKBitmap.Decode(photo.Renditions[size]);
            Assert.Equal(size, decoded.Width);
            Assert.Equal(size, decoded.Height);
            Assert.Equal(PhotoProcessor.PhotoFormat.Jpeg, PhotoProcessor.FormatFromContent(photo.Renditions[size]));
        }
    }

    [Fact]
    public void Small_photo_is_not_enlarged()
    {
        var photo = PhotoProcessor.Process(Encode(120, 200, SKEncodedImageFormat.Jpeg), "me.jpg", FiveMegabytes);

        using var decoded = SKBitmap.Decode(photo.Renditions[512]);
        Assert.Equal(120, decoded.Width);
        Assert.Equal(120, decoded.Height);
    }

    [Fact]
    public void Webp_is_accepted()
    {
        var photo = PhotoProcessor.Process(Encode(300, 300, SKEncodedImageFormat.Webp), "me.webp", FiveMegabytes);

        Assert.Equal(16, photo.ContentHash.Length);
    }

    [Fact]
    public void Exif_and_gps_metadata_are_dropped()
    {
        var jpeg = WithExifSegment(Encode(400, 400, SKEncodedImageFormat.Jpeg), "GPSLatitude 32.0853 N");

        var photo = PhotoProcessor.Process(jpeg, "me.jpg", FiveMegabytes);

        foreach (var rendition in photo.Renditions.Values)
        {
            var text = Encoding.Latin1.GetString(rendition);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            Assert.DoesNotContain("GPSLatitude", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Svg_is_rejected()
    {
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>");

        var error = Assert.Throws<PhotoRejectedException>(() => PhotoProcessor.Process(svg, "me.svg", FiveMegabytes));
        Assert.Contains("not a JPEG, PNG or WebP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_not_matching_extension_is_rejected()
    {
        var png = Encode(100, 100, SKEncodedImageFormat.Png);

        var error = Assert.Throws<PhotoRejectedException>(() => PhotoProcessor.Process(png, "me.jpg", FiveMegabytes));
        Assert.Contains("content is Png", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_file_is_rejected()
    {
        var png = Encode(100, 100, SKEncodedImageFormat.Png);

        var error = Assert.Throws<PhotoRejectedException>(() => PhotoProcessor.Process(png, "me.png", png.Length - 1));
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_image_is_rejected()
    {
        var damaged = Encode(100, 100, SKEncodedImageFormat.Png)[..40];

        Assert.Throws<PhotoRejectedException>(() => PhotoProcessor.Process(damaged, "me.png", FiveMegabytes));
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        Assert.Throws<PhotoRejectedException>(() => PhotoProcessor.Process([], "me.png", FiveMegabytes));
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.CornflowerBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    // Inserts an APP1 "Exif" segment with a minimal little-endian TIFF header right after the JPEG's start marker.
    private static byte[] WithExifSegment(byte[] jpeg, string marker)
    {
        var payload = new List<byte>();
        payload.AddRange("Exif\0\0"u8.ToArray());
        payload.AddRange([0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        payload.AddRange(Encoding.ASCII.GetBytes(marker));

        var length = payload.Count + 2;
        var segment = new List<byte> { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) };
        segment.AddRange(payload);

        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
