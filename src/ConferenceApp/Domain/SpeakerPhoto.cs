namespace ConferenceApp.Domain;

/// <summary>
/// One stored rendition of a speaker's photo: a square JPEG of <see cref="Size"/> pixels.
/// Photos live in the database so that every app instance serves the same bytes.
/// </summary>
public sealed class SpeakerPhoto
{
    public int Id { get; set; }

    public int ConferenceId { get; set; }

    public int SpeakerId { get; set; }

    /// <summary>The edge length in pixels.</summary>
    public int Size { get; set; }

    /// <summary>The hash of the uploaded file that this rendition was made from, as in the photo's URL.</summary>
    public string ContentHash { get; set; } = "";

    public byte[] Bytes { get; set; } = [];
}
