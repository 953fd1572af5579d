using ConferenceApp.Domain;
using ConferenceApp.Features.Speakers.Invitations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ConferenceApp.Features.Organize.Speakers;

public sealed class SpeakerForm : OrganizeForm
{
    /// <summary>The URL name. Left empty on a new speaker, it is made from the name.</summary>
    public string? Slug { get; set; }

    public string? Name { get; set; }

    /// <summary>One line on who the speaker is.</summary>
    public string? Headline { get; set; }

    /// <summary>The bio in Markdown.</summary>
    public string? Bio { get; set; }

    public string? Website { get; set; }

    public string? LinkedIn { get; set; }

    public string? GitHub { get; set; }

    public string? Mastodon { get; set; }

    public string? X { get; set; }

    /// <summary>The times the speaker can take part in, one interval per line, or empty for always.</summary>
    public string? Availability { get; set; }

    /// <summary>The fields the speaker may not change on their own profile page.</summary>
    public bool LockName { get; set; }

    public bool LockHeadline { get; set; }

    public bool LockBio { get; set; }

    public bool LockLinks { get; set; }

    public bool LockPhoto { get; set; }

    public bool LockAvailability { get; set; }

    /// <summary>The 256-pixel rendition of the speaker's photo, or null when there is none.</summary>
    [BindNever]
    public string? PhotoUrl { get; set; }
    /// <summary>The account and invitations section, loaded for the edit page and never bound from a post.</summary>
    [BindNever]
    public SpeakerAccountPanel? Account { get; set; }

    public SpeakerLinks Links => new(Website, LinkedIn, GitHub, Mastodon, X);

    public SpeakerFields LockedFields =>
        (LockName ? SpeakerFields.Name : SpeakerFields.None)
        | (LockHeadline ? SpeakerFields.Headline : SpeakerFields.None)
        | (LockBio ? SpeakerFields.Bio : SpeakerFields.None)
        | (LockLinks ? SpeakerFields.Links : SpeakerFields.None)
        | (LockPhoto ? SpeakerFields.Photo : SpeakerFields.None)
        | (LockAvailability ? SpeakerFields.Availability : SpeakerFields.None);
}

public sealed record SpeakerListPage(OrganizeConference Conference, IReadOnlyList<SpeakerRow> Speakers);


public sealed record SpeakerRow(int Id, string Name, string Slug, string? Headline, int TalkCount, int SessionCount)
{
    /// <summary>Whether the speaker has an account, their latest invitation's status and the latest change of their row.</summary>
    public SpeakerAccountSummary? Account { get; init; }
}
