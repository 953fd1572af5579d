namespace ConferenceApp.Features.Interop.Api;

/// <summary>
/// Builds the absolute addresses of public pages and API resources from the site's base address,
/// which is the request's scheme, host and path base (set from Site:PublicUrl when configured).
/// </summary>
public sealed class ApiLinks(string baseUrl)
{
    private readonly string _base = baseUrl.TrimEnd('/');

    public string Api(string path) => $"{_base}/api/{path}";

    public string Conference(string conference) => Api($"conferences/{Escape(conference)}");

    public string ProgramPage(string conference) => $"{_base}/{Escape(conference)}/program";

    public string ChangesPage(string conference) => $"{_base}/{Escape(conference)}/changes";

    public string List(string conference, string list) => $"{Conference(conference)}/{list}";

    public string TalkPage(string conference, string talk) => $"{_base}/{Escape(conference)}/talks/{Escape(talk)}";

    public string Talk(string conference, string talk) => $"{Conference(conference)}/talks/{Escape(talk)}";

    public string SpeakerPage(string conference, string speaker) => $"{_base}/{Escape(conference)}/speakers/{Escape(speaker)}";

    public string Speaker(string conference, string speaker) => $"{Conference(conference)}/speakers/{Escape(speaker)}";

    /// <summary>Returns the address of the session on the program page, which has an anchor per session.</summary>
    public string SessionPage(string conference, int session) => $"{ProgramPage(conference)}#session-{session}";

    public string Session(string conference, int session) => $"{Conference(conference)}/sessions/{session}";

    /// <summary>Returns a site-relative address, such as a photo's, made absolute.</summary>
    public string Absolute(string sitePath) => $"{_base}{sitePath}";

    /// <summary>Returns the links of page <paramref name="request"/> of the list at <paramref name="listUrl"/>.</summary>
    public static PageLinks Paging(string listUrl, PageRequest request, int totalCount)
    {
        string At(int page) => $"{listUrl}?page={page}&pageSize={request.PageSize}";

        var next = request.HasNext(totalCount) ? At(request.Page + 1) : null;
        // Past the end, "prev" leads to the last page that has items rather than to another empty one.
        var lastPage = Math.Max(1, (int)Math.Min(int.MaxValue, ((long)totalCount + request.PageSize - 1) / request.PageSize));
        var prev = request.Page > 1 ? At(Math.Min(request.Page - 1, lastPage)) : null;
        return new PageLinks(At(request.Page), next, prev);
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
