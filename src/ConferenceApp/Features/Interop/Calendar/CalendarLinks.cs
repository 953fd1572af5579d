namespace ConferenceApp.Features.Interop.Calendar;

/// <summary>The absolute addresses of the public pages that calendar events link to.</summary>
/// <param name="SiteUrl">The site's public address, ending in "/".</param>
internal sealed record CalendarLinks(Uri SiteUrl, string ConferenceSlug)
{
    public Uri Talk(string talkSlug) =>
        new(SiteUrl, $"{Uri.EscapeDataString(ConferenceSlug)}/talks/{Uri.EscapeDataString(talkSlug)}");

    /// <summary>Returns the program page with the anchor of the session's entry.</summary>
    public Uri ProgramItem(int sessionId) =>
        new(SiteUrl, $"{Uri.EscapeDataString(ConferenceSlug)}/program#session-{sessionId}");
}
