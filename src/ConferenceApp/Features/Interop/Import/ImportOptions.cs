namespace ConferenceApp.Features.Interop.Import;

/// <summary>The import settings, bound from the "Import" section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>The largest file an organizer can upload for import, in bytes. Default 10 MB.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// The maximum number of events (sessions and talks), and separately of speakers, in one file.
    /// Default 5,000 each. A larger file is rejected as a whole before it is compared with the draft.
    /// </summary>
    public int MaxItems { get; set; } = 5_000;

    /// <summary>The request body limit of the upload form: the file plus room for the other fields and the multipart framing.</summary>
    public long RequestLimitBytes => MaxFileBytes + (1024 * 1024);
}
