using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace ConferenceApp.Tests.Speakers;

/// <summary>Photo uploads through the speaker's and the organizer's forms, and the photos the public pages then serve.</summary>
public sealed class PhotoUploadTests : SpeakerTestBase
{
    [Theory]
    [InlineData("me.jpg", "image/jpeg")]
    [InlineData("me.png", "image/png")]
    [InlineData("me.webp", "image/webp")]
    public async Task Image_is_stored_and_served(string fileName, string contentType)
    {
        var account = await CreateFirstSpeakerAsync();
        var image = Encode(640, 480, FormatOf(fileName));

        var response = await UploadAsync(account.Client, PhotoUrl, ProfileUrl, image, fileName, contentType);

        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(response));
        var speaker = await LoadSpeakerAsync(account.SpeakerId);
        Assert.NotNull(speaker.PhotoHash);
        var sizes = await WithDbAsync(db => db.SpeakerPhotos.Where(p => p.SpeakerId == account.SpeakerId).OrderBy(p => p.Size).Select(p => p.Size).ToListAsync());
        Assert.Equal([96, 256, 512], sizes);

        var page = await account.Client.GetPageAsync($"/{Conference}/speakers/{account.SpeakerSlug}");
        var img = page.Document.QuerySelector($"img[src='/photos/{account.SpeakerId}/{speaker.PhotoHash}/256.jpg']");
        Assert.NotNull(img);
        Assert.NotNull(img.GetAttribute("width"));
        Assert.NotNull(img.GetAttribute("height"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Contains(speaker.Name, img.GetAttribute("alt"), StringComparison.Ordinal);

        using var served = await account.Client.GetAsync(new Uri(img.GetAttribute("src")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=31536000", served.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(256, decoded.Width);
        Assert.Equal(256, decoded.Height);
    }

    [Fact]
    public async Task Speakers_list_shows_small_rendition()
    {
        var account = await CreateFirstSpeakerAsync();
        await UploadAsync(account.Client, PhotoUrl, ProfileUrl, Encode(300, 300, SKEncodedImageFormat.Png), "me.png", "image/png");
        var hash = (await LoadSpeakerAsync(account.SpeakerId)).PhotoHash;

        var page = await account.Client.GetPageAsync($"/{Conference}/speakers");

        var img = page.Document.QuerySelector($"img[src='/photos/{account.SpeakerId}/{hash}/96.jpg']");
        Assert.NotNull(img);
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.NotNull(img.GetAttribute("width"));
    }

    [Fact]
    public async Task New_photo_gets_new_url()
    {
        var account = await CreateFirstSpeakerAsync();
        await UploadAsync(account.Client, PhotoUrl, ProfileUrl, Encode(300, 300, SKEncodedImageFormat.Png), "first.png", "image/png");
        var first = (await LoadSpeakerAsync(account.SpeakerId)).PhotoHash;

        await UploadAsync(account.Client, PhotoUrl, ProfileUrl, Encode(400, 300, SKEncodedImageFormat.Jpeg), "second.jpg", "image/jpeg");
        var second = (await LoadSpeakerAsync(account.SpeakerId)).PhotoHash;

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(3, await WithDbAsync(db => db.SpeakerPhotos.CountAsync(p => p.SpeakerId == account.SpeakerId)));
        Assert.Equal(HttpStatusCode.NotFound, (await account.Client.GetAsync(new Uri($"/photos/{account.SpeakerId}/{first}/256.jpg", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await account.Client.GetAsync(new Uri($"/photos/{account.SpeakerId}/{second}/256.jpg", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Gps_data_is_not_served()
    {
        var account = await CreateFirstSpeakerAsync();
        var jpeg = WithGpsExif(Encode(500, 500, SKEncodedImageFormat.Jpeg));
        Assert.Contains("Exif", Encoding.Latin1.GetString(jpeg), StringComparison.Ordinal);

        await UploadAsync(account.Client, PhotoUrl, ProfileUrl, jpeg, "holiday.jpg", "image/jpeg");
        var hash = (await LoadSpeakerAsync(account.SpeakerId)).PhotoHash;
        Assert.NotNull(hash);

        foreach (var size in new[] { 96, 256, 512 })
        {
            var served = await account.Client.GetByteArrayAsync(new Uri($"/photos/{account.SpeakerId}/{hash}/{size}.jpg", UriKind.Relative));
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(served), StringComparison.Ordinal);
            Assert.False(HasSegment(served, 0xE1), $"The {size} px photo has an APP1 (EXIF or XMP) segment.");
        }
    }

    public static TheoryData<string, string, byte[], string> RejectedFiles => new()
    {
        { "text renamed to .jpg", "notes.jpg", Encoding.UTF8.GetBytes("These are my notes, not a photo.\n"), "not a JPEG, PNG or WebP" },
        { "SVG with a script", "me.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "SVG" },
        { "SVG renamed to .png", "me.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "not a JPEG, PNG or WebP" },
        { "PNG named .jpg", "me.jpg", Encode(100, 100, SKEncodedImageFormat.Png), "content is Png" },
        { "truncated JPEG", "me.jpg", Encode(400, 400, SKEncodedImageFormat.Jpeg)[..20], "could not be decoded" },
        { "JPEG cut in half", "me.jpg", Encode(400, 400, SKEncodedImageFormat.Jpeg)[..1000], "could not be decoded" },
        { "PNG cut in half", "me.png", Encode(400, 400, SKEncodedImageFormat.Png)[..300], "could not be decoded" },
        { "empty file", "me.jpg", [], "Choose a JPEG, PNG or WebP file" },
    };

    [Theory]
    [MemberData(nameof(RejectedFiles))]
    public async Task Bad_file_is_rejected_next_to_field(string description, string fileName, byte[] content, string expectedMessage)
    {
        var account = await CreateFirstSpeakerAsync();
        var before = await LoadSpeakerAsync(account.SpeakerId);

        var response = await UploadAsync(account.Client, PhotoUrl, ProfileUrl, content, fileName, "application/octet-stream");

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The upload of a {description} returned {(int)response.StatusCode}.");
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains(expectedMessage, OrganizerBrowser.ErrorFor(page, "Photo"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(account.SpeakerId, before);
    }

    [Fact]
    public async Task Oversized_file_gets_clear_message()
    {
        UseSetting("Speakers:MaxPhotoBytes", "20000");
        var account = await CreateFirstSpeakerAsync();
        var before = await LoadSpeakerAsync(account.SpeakerId);
        var large = NoisePng(400, 400);
        Assert.True(large.Length > 20000, $"The test image has only {large.Length} bytes.");

        var response = await UploadAsync(account.Client, PhotoUrl, ProfileUrl, large, "large.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("at most", OrganizerBrowser.ErrorFor(page, "Photo"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(account.SpeakerId, before);
    }

    [Fact]
    public async Task Huge_request_gets_too_large_page()
    {
        UseSetting("Speakers:MaxPhotoBytes", "20000");
        var account = await CreateFirstSpeakerAsync();
        var before = await LoadSpeakerAsync(account.SpeakerId);
        var huge = new byte[1536 * 1024];
        new Random(3).NextBytes(huge);

        var response = await UploadAsync(account.Client, PhotoUrl, ProfileUrl, huge, "huge.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal("File too large", page.QuerySelector("h1")!.TextContent.Trim());
        await AssertNothingStoredAsync(account.SpeakerId, before);
    }

    [Fact]
    public async Task Remove_deletes_photo_rows()
    {
        var account = await CreateFirstSpeakerAsync();
        await UploadAsync(account.Client, PhotoUrl, ProfileUrl, Encode(300, 300, SKEncodedImageFormat.Png), "me.png", "image/png");

        var token = AppFactory.AntiforgeryToken(await account.Client.GetStringAsync(ProfileUrl));
        var response = await account.Client.PostAsync(new Uri(PhotoUrl + "/remove", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(ProfileUrl, OrganizerBrowser.RedirectTarget(response));
        Assert.Null((await LoadSpeakerAsync(account.SpeakerId)).PhotoHash);
        Assert.Equal(0, await WithDbAsync(db => db.SpeakerPhotos.CountAsync(p => p.SpeakerId == account.SpeakerId)));
    }

    [Fact]
    public async Task Locked_photo_changes_only_for_organizer()
    {
        var account = await CreateFirstSpeakerAsync();
        await WithDbAsync(async db =>
        {
            var speaker = await db.Speakers.SingleAsync(s => s.Id == account.SpeakerId);
            speaker.LockFields(SpeakerFields.Photo);
            return await db.SaveChangesAsync();
        });
        var before = await LoadSpeakerAsync(account.SpeakerId);

        var bySpeaker = await UploadAsync(account.Client, PhotoUrl, ProfileUrl, Encode(300, 300, SKEncodedImageFormat.Png), "me.png", "image/png");

        Assert.Equal(HttpStatusCode.OK, bySpeaker.StatusCode);
        Assert.Contains("locked your photo", OrganizerBrowser.ErrorFor(await OrganizerBrowser.ParseAsync(bySpeaker), "Photo"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(account.SpeakerId, before);

        var organizer = await App.CreateOrganizerClientAsync();
        var editUrl = $"/organize/{Conference}/speakers/{account.SpeakerId.ToString(CultureInfo.InvariantCulture)}/edit";
        var byOrganizer = await UploadAsync(organizer, editUrl.Replace("/edit", "/photo", StringComparison.Ordinal), editUrl,
            Encode(300, 300, SKEncodedImageFormat.Png), "me.png", "image/png");

        Assert.Equal(editUrl, OrganizerBrowser.RedirectTarget(byOrganizer));
        Assert.NotNull((await LoadSpeakerAsync(account.SpeakerId)).PhotoHash);
        var page = await organizer.GetPageAsync(editUrl);
        Assert.NotNull(page.Document.QuerySelector("img[src^='/photos/']"));
    }

    [Fact]
    public async Task Organizer_sees_rejection_next_to_field()
    {
        var organizer = await App.CreateOrganizerClientAsync();
        var speakerId = (await SpeakersWithTalksAsync())[0].Id;
        var before = await LoadSpeakerAsync(speakerId);
        var editUrl = $"/organize/{Conference}/speakers/{speakerId.ToString(CultureInfo.InvariantCulture)}/edit";

        var response = await UploadAsync(organizer, editUrl.Replace("/edit", "/photo", StringComparison.Ordinal), editUrl,
            Encoding.UTF8.GetBytes("not an image"), "me.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("not a JPEG, PNG or WebP", OrganizerBrowser.ErrorFor(page, "Photo"), StringComparison.Ordinal);
        await AssertNothingStoredAsync(speakerId, before);
    }

    private async Task<SpeakerAccount> CreateFirstSpeakerAsync() =>
        await CreateSpeakerAsync((await SpeakersWithTalksAsync())[0].Id, "speaker@example.org");

    private async Task AssertNothingStoredAsync(int speakerId, Speaker before)
    {
        var after = await LoadSpeakerAsync(speakerId);
        Assert.Equal(before.PhotoHash, after.PhotoHash);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(0, await WithDbAsync(db => db.SpeakerPhotos.CountAsync(p => p.SpeakerId == speakerId)));
    }

    // Posts the file as a browser does: multipart, with the antiforgery token of the page that contains the form.
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string formPage, byte[] content, string fileName, string contentType)
    {
        var token = AppFactory.AntiforgeryToken(await client.GetStringAsync(new Uri(formPage, UriKind.Relative)));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "photo", fileName);
        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    private static SKEncodedImageFormat FormatOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".png" => SKEncodedImageFormat.Png,
        ".webp" => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Jpeg,
    };

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    // Random pixels do not compress, so the PNG is about four bytes per pixel.
    private static byte[] NoisePng(int width, int height)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // Inserts an APP1 segment with a little-endian TIFF whose first IFD points to a GPS IFD
    // holding GPSLatitudeRef "N" and GPSLatitude 32° 5' 12.34".
    private static byte[] WithGpsExif(byte[] jpeg)
    {
        var tiff = new List<byte> { 0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00 };
        tiff.AddRange(UInt16(1));
        tiff.AddRange([.. UInt16(0x8825), .. UInt16(4), .. UInt32(1), .. UInt32(26)]);
        tiff.AddRange(UInt32(0));
        tiff.AddRange(UInt16(2));
        tiff.AddRange([.. UInt16(0x0001), .. UInt16(2), .. UInt32(2), (byte)'N', 0, 0, 0]);
        tiff.AddRange([.. UInt16(0x0002), .. UInt16(5), .. UInt32(3), .. UInt32(56)]);
        tiff.AddRange(UInt32(0));
        tiff.AddRange([.. UInt32(32), .. UInt32(1), .. UInt32(5), .. UInt32(1), .. UInt32(1234), .. UInt32(100)]);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToList();
        var length = payload.Count + 2;
        var segment = new List<byte> { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) };
        segment.AddRange(payload);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    private static byte[] UInt16(int value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] UInt32(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    // Walks the JPEG's marker segments up to the start of the scan and reports whether one has the marker.
    private static bool HasSegment(byte[] jpeg, byte marker)
    {
        var index = 2;
        while (index + 4 <= jpeg.Length && jpeg[index] == 0xFF)
        {
            var current = jpeg[index + 1];
            if (current == marker)
            {
                return true;
            }

            if (current == 0xDA)
            {
                return false;
            }

            index += 2 + ((jpeg[index + 2] << 8) | jpeg[index + 3]);
        }

        return false;
    }
}
