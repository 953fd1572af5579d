using System.Globalization;
using System.Net;
using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Infrastructure.Calendar;
using ConferenceApp.Infrastructure.Email;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>The conference as the moved-talk email names it.</summary>
/// <param name="Venue">The venue, added to each event's location in the calendar file; null when unknown.</param>
public sealed record MovedTalkConference(string Name, string TimeZoneId, string? Venue);

/// <summary>One moved talk of a speaker: its old and new placement and its public page.</summary>
/// <param name="PageUrl">The talk's public page, or null when the site's public address is not configured.</param>
public sealed record MovedTalk(int TalkId, string Title, ItemPlacement? Before, ItemPlacement After, Uri? PageUrl);

/// <summary>
/// The email to a speaker whose talks a release of the program moved, with an .ics file that
/// updates those talks in the speaker's calendar.
/// </summary>
public static class MovedTalkEmail
{
    public const string AttachmentFileName = "moved-talks.ics";
    public const string ProductId = "-//ConferenceApp//Program//EN";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// Builds the message for one speaker. Every value in the HTML part is HTML-encoded, because
    /// titles and names come from organizers' and speakers' forms and may contain markup.
    /// </summary>
    /// <param name="uidHost">The domain part of each event's UID, such as "program.example.org"; with the talk id it keeps the UID the same across releases.</param>
    /// <param name="sequence">The calendar revision number, greater for each later release.</param>
    /// <param name="publishedAt">The release's publication instant, written as each event's DTSTAMP.</param>
    public static EmailMessage Build(
        MovedTalkConference conference,
        string releaseName,
        string speakerName,
        string toAddress,
        IReadOnlyList<MovedTalk> talks,
        string uidHost,
        int sequence,
        DateTimeOffset publishedAt)
    {
        var clock = new ConferenceClock(conference.TimeZoneId);
        var subject = talks.Count == 1
            ? $"{conference.Name}: new time for your talk"
            : $"{conference.Name}: new times for your talks";

        var calendar = new IcsCalendar(ProductId, talks.Select(t => Event(conference, releaseName, t, clock, uidHost, sequence, publishedAt)).ToList());
        var attachment = new EmailAttachment(AttachmentFileName, IcsWriter.MediaType, IcsWriter.WriteUtf8(calendar));

        return new EmailMessage(
            toAddress,
            speakerName,
            subject,
            TextBody(conference, releaseName, speakerName, talks),
            HtmlBody(conference, releaseName, speakerName, talks),
            [attachment]);
    }

    /// <summary>Returns "Thursday 5 March 2026, 09:30–10:15 (Asia/Jerusalem), Room A", with "next day" when the end is after midnight.</summary>
    public static string FormatPlacement(ItemPlacement placement, string timeZoneId)
    {
        var day = placement.Start.ToString("dddd d MMMM yyyy", English);
        var start = placement.Start.ToString("HH:mm", English);
        var end = placement.End.ToString("HH:mm", English);
        var nextDay = placement.End.Date > placement.Start.Date ? " next day" : "";
        var room = placement.RoomName ?? "all rooms";

        return $"{day}, {start}–{end}{nextDay} ({timeZoneId}), {room}";
    }

    private static string Introduction(MovedTalkConference conference, string releaseName, int count) =>
        count == 1
            ? $"Version {releaseName} of the {conference.Name} program moves your talk to a new time or room:"
            : $"Version {releaseName} of the {conference.Name} program moves {count} of your talks to a new time or room:";

    private static string TextBody(MovedTalkConference conference, string releaseName, string speakerName, IReadOnlyList<MovedTalk> talks)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Hello {speakerName},\n\n");
        text.Append(Introduction(conference, releaseName, talks.Count)).Append("\n\n");

        foreach (var talk in talks)
        {
            text.Append(talk.Title).Append('\n');
            text.Append("  Before: ").Append(talk.Before is null ? "not scheduled" : FormatPlacement(talk.Before, conference.TimeZoneId)).Append('\n');
            text.Append("  Now:    ").Append(FormatPlacement(talk.After, conference.TimeZoneId)).Append('\n');
            if (talk.PageUrl is not null)
            {
                text.Append("  ").Append(talk.PageUrl.AbsoluteUri).Append('\n');
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"Open the attached file {AttachmentFileName} to update your calendar. If the new time does not suit you, please tell the organizers.\n");
        return text.ToString();
    }

    private static string HtmlBody(MovedTalkConference conference, string releaseName, string speakerName, IReadOnlyList<MovedTalk> talks)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Hello {Encode(speakerName)},</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(Introduction(conference, releaseName, talks.Count))}</p>\n");

        foreach (var talk in talks)
        {
            var before = talk.Before is null ? "not scheduled" : FormatPlacement(talk.Before, conference.TimeZoneId);
            html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(talk.Title)}</h2>\n<ul>\n");
            html.Append(CultureInfo.InvariantCulture, $"<li>Before: <s>{Encode(before)}</s></li>\n");
            html.Append(CultureInfo.InvariantCulture, $"<li>Now: <strong>{Encode(FormatPlacement(talk.After, conference.TimeZoneId))}</strong></li>\n");
            if (talk.PageUrl is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(talk.PageUrl.AbsoluteUri)}\">{Encode(talk.PageUrl.AbsoluteUri)}</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>Open the attached file {Encode(AttachmentFileName)} to update your calendar. If the new time does not suit you, please tell the organizers.</p>\n");
        return html.ToString();
    }

    private static IcsEvent Event(
        MovedTalkConference conference, string releaseName, MovedTalk talk, ConferenceClock clock, string uidHost, int sequence, DateTimeOffset publishedAt)
    {
        var room = talk.After.RoomName ?? "All rooms";
        var location = conference.Venue is null ? room : $"{room}, {conference.Venue}";
        var description = $"{conference.Name}, program version {releaseName}.";
        if (talk.PageUrl is not null)
        {
            description += "\n" + talk.PageUrl.AbsoluteUri;
        }

        return new IcsEvent(
            Uid: IcsEventIdentity.TalkUid(talk.TalkId, uidHost),
            Stamp: publishedAt,
            Start: clock.ToInstantForDisplay(talk.After.Start),
            End: clock.ToInstantForDisplay(talk.After.End),
            Sequence: sequence,
            Summary: talk.Title,
            Description: description,
            Location: location,
            Url: talk.PageUrl);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
