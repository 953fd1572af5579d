using System.Globalization;
using System.Net;
using ConferenceApp.Infrastructure.Email;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>The invitation message: a plain-text part and an HTML part with the same content.</summary>
public static class InvitationEmail
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>
    /// Builds the message for one invitation. Every value in the HTML part is HTML-encoded,
    /// because the names come from organizers' forms and may contain markup.
    /// </summary>
    public static EmailMessage Build(string conferenceName, string speakerName, string toAddress, string link, DateTime expiresAtUtc)
    {
        var expires = FormatExpiry(expiresAtUtc);
        var subject = $"Your speaker account for {conferenceName}";

        var text =
            $"""
            Hello {speakerName},

            The organizers of {conferenceName} invite you to create your speaker account. With it you can edit your speaker profile on the conference site.

            Open this link to set a password, or to sign in if you already have an account on the site:
            {link}

            The link works once and expires on {expires}. If it has expired, ask the organizers to send a new one.
            """;

        var html =
            $"""
            <p>Hello {Encode(speakerName)},</p>
            <p>The organizers of <strong>{Encode(conferenceName)}</strong> invite you to create your speaker account. With it you can edit your speaker profile on the conference site.</p>
            <p><a href="{Encode(link)}">Set up your speaker account</a> (set a password, or sign in if you already have an account on the site)</p>
            <p>Or copy this address into your browser:<br>{Encode(link)}</p>
            <p>The link works once and expires on {Encode(expires)}. If it has expired, ask the organizers to send a new one.</p>
            """;

        return new EmailMessage(toAddress, speakerName, subject, text, html);
    }

    /// <summary>Returns "18 December 2026, 21:00 UTC".</summary>
    public static string FormatExpiry(DateTime expiresAtUtc) => expiresAtUtc.ToString("d MMMM yyyy, HH:mm 'UTC'", English);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
