using ConferenceApp.Domain;
using ConferenceApp.Features.Program;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Speakers;

/// <summary>The speaker's start page: one entry per conference the account speaks at.</summary>
public sealed record SpeakerHomePage(IReadOnlyList<SpeakerHomeEntry> Profiles);

/// <summary>One speaker record with its public page's content (talks, slots and co-speakers) and its talks' ids by slug.</summary>
public sealed record SpeakerHomeEntry(OwnSpeaker Speaker, SpeakerPage Page, IReadOnlyDictionary<string, int> TalkIds)
{
    public string? EditTalkUrl(string talkSlug) =>
        TalkIds.TryGetValue(talkSlug, out var id) ? $"/speaker/{Speaker.ConferenceSlug}/talks/{id}/edit" : null;

    public string ProfileUrl => $"/speaker/{Speaker.ConferenceSlug}/profile";

    public string PublicUrl => $"/{Speaker.ConferenceSlug}/speakers/{Speaker.SpeakerSlug}";
}

/// <summary>What the speaker area's forms carry besides their fields: the version and the speaker from the route.</summary>
public abstract class SpeakerAreaForm
{
    /// <summary>The version of the row when the form was rendered.</summary>
    public Guid Version { get; set; }

    /// <summary>The signed-in account's speaker record, which the controller sets before the view renders.</summary>
    [BindNever]
    [ValidateNever]
    public OwnSpeaker Speaker { get; set; } = null!;
}

/// <summary>The speaker's own profile form, with the photo panel and the bio preview beside it.</summary>
public sealed class ProfileForm : SpeakerAreaForm
{
    public string? Name { get; set; }

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

    public SpeakerLinks Links => new(Website, LinkedIn, GitHub, Mastodon, X);

    /// <summary>The conference's IANA zone, which the availability is typed in.</summary>
    [BindNever]
    public string TimeZoneId { get; set; } = "";

    /// <summary>The conference's first day, which the availability examples use.</summary>
    [BindNever]
    public DateOnly FirstDay { get; set; }

    /// <summary>The fields the organizers have locked, shown read-only.</summary>
    [BindNever]
    public SpeakerFields LockedFields { get; set; }

    /// <summary>The 256-pixel rendition of the current photo, or null when there is none.</summary>
    [BindNever]
    public string? PhotoUrl { get; set; }

    /// <summary>The largest photo upload accepted, in bytes.</summary>
    [BindNever]
    public long MaxPhotoBytes { get; set; }

    /// <summary>The sanitized HTML of the posted bio, set when the form was sent with the Preview button.</summary>
    [BindNever]
    public string? PreviewHtml { get; set; }

    public bool IsLocked(SpeakerFields field) => LockedFields.HasFlag(field);
}

/// <summary>The speaker's form for the title and abstract of one of their talks.</summary>
public sealed class TalkForm : SpeakerAreaForm
{
    public string? Title { get; set; }

    /// <summary>The abstract as plain text, with blank lines between paragraphs.</summary>
    public string? Abstract { get; set; }

    [BindNever]
    public int TalkId { get; set; }

    [BindNever]
    public string TalkSlug { get; set; } = "";

    /// <summary>Whether the conference lets speakers edit their talks now; the form is read-only otherwise.</summary>
    [BindNever]
    public bool MayEdit { get; set; }

    /// <summary>The names of the talk's speakers, in their order on the program.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<string> SpeakerNames { get; set; } = [];
}
