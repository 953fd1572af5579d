namespace ConferenceApp.Features.Speakers;

/// <summary>The "Speakers" configuration section.</summary>
public sealed class SpeakerPhotoOptions
{
    public const string Section = "Speakers";

    /// <summary>The largest photo file accepted, in bytes; 5 MB unless configured.</summary>
    public long MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>
    /// The request body limit of the photo forms, in bytes: twice the photo limit plus 1 MB for
    /// the other form fields. A file somewhat over the photo limit still arrives, so the form can
    /// show its size and the limit instead of the server cutting the request off.
    /// </summary>
    public long RequestLimitBytes => (2 * MaxPhotoBytes) + (1024 * 1024);
}
