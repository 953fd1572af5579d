namespace ConferenceApp.Domain;

/// <summary>
/// A file uploaded for import, kept between the preview and the organizer's confirmation so that
/// the confirmation applies exactly the previewed file. Uploads older than <see cref="Lifetime"/> are deleted.
/// </summary>
public sealed class ImportUpload
{
    /// <summary>How long an upload can be confirmed after it was made.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private ImportUpload()
    {
        Format = "";
        FileName = "";
        Content = [];
        ContentHash = "";
        UploadedBy = "";
    }

    public int Id { get; private set; }

    /// <summary>The random value the preview page posts back to name this upload.</summary>
    public Guid Token { get; private set; }

    public int ConferenceId { get; private set; }

    /// <summary>The format chosen on the form, such as "frab-xml".</summary>
    public string Format { get; private set; }

    public string FileName { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>The SHA-256 of <see cref="Content"/> in lower-case hexadecimal.</summary>
    public string ContentHash { get; private set; }

    /// <summary>The user name of the organizer who uploaded the file; only they can confirm it.</summary>
    public string UploadedBy { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    public static ImportUpload Create(int conferenceId, string format, string fileName, byte[] content, string uploadedBy, DateTime uploadedAtUtc) => new()
    {
        Token = Guid.NewGuid(),
        ConferenceId = conferenceId,
        Format = format,
        FileName = Text.Clean(fileName) is { } name ? name[..Math.Min(name.Length, Text.NameMaxLength)] : "upload",
        Content = content,
        ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
        UploadedBy = uploadedBy,
        UploadedAtUtc = uploadedAtUtc,
    };

    public bool IsExpired(DateTime nowUtc) => nowUtc - UploadedAtUtc > Lifetime;
}
