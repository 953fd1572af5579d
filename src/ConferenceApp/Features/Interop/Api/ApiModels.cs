namespace ConferenceApp.Features.Interop.Api;

// The JSON API's response bodies. Property names become camelCase; "url" is the absolute address
// of the item's public page and "apiUrl" the absolute address of the item in this API.

/// <summary>One page of a list, with absolute links to the neighbouring pages (null at either end).</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount, PageLinks Links);

public sealed record PageLinks(string Self, string? Next, string? Prev);

/// <summary>A moment: the instant with the conference's UTC offset, the local wall-clock time, and the IANA zone id.</summary>
public sealed record ApiTime(DateTimeOffset Instant, DateTime Local, string TimeZone);

/// <summary>The release the API serves: the conference's latest.</summary>
public sealed record ApiRelease(string Name, ApiTime PublishedAt);

public sealed record ConferenceSummary(
    string Slug,
    string Name,
    string? Venue,
    string TimeZone,
    DateOnly StartDate,
    DateOnly EndDate,
    ApiRelease Release,
    string Url,
    string ApiUrl);

public sealed record ConferenceDetail(
    string Slug,
    string Name,
    string? Venue,
    string TimeZone,
    DateOnly StartDate,
    DateOnly EndDate,
    string? SampleNote,
    ApiRelease Release,
    string Url,
    string ApiUrl,
    ConferenceLinks Links);

/// <summary>Absolute links from a conference to its public pages and its lists in the API.</summary>
public sealed record ConferenceLinks(string Program, string Changes, string Sessions, string Talks, string Speakers, string Rooms);

/// <summary>A room; rooms have no public page of their own, so there is no url.</summary>
public sealed record RoomItem(int Id, string Name, int Position);

public sealed record RoomRef(int Id, string Name);

/// <summary>A person on a talk or leading a session, with the role they appear in, if any.</summary>
public sealed record PersonRef(int Id, string Slug, string Name, string? Role, string Url, string ApiUrl);

public sealed record TalkRef(int Id, string Slug, string Title, string Url, string ApiUrl);

public sealed record SessionRef(int Id, string Title, string Url, string ApiUrl);

/// <summary>A session the speaker leads, with their role in it.</summary>
public sealed record LedSessionRef(int Id, string Title, string? Role, string Url, string ApiUrl);

/// <summary>
/// A session on the program. <see cref="Title"/> is what the program shows; <see cref="OwnTitle"/>
/// is null when the session takes its title from its only talk or its kind. A null
/// <see cref="Room"/> with <see cref="AllRooms"/> true spans all rooms. The url points at the
/// session on the program page, because sessions have no page of their own. <see cref="Track"/>
/// and <see cref="Language"/> (a BCP 47 tag such as "en" or "de-CH") are null when not set.
/// </summary>
public sealed record SessionItem(
    int Id,
    string Title,
    string? OwnTitle,
    string Kind,
    string? Description,
    string? Track,
    string? Language,
    ApiTime Start,
    ApiTime End,
    RoomRef? Room,
    bool AllRooms,
    IReadOnlyList<PersonRef> People,
    IReadOnlyList<TalkRef> Talks,
    string? SampleNote,
    string Url,
    string ApiUrl);

/// <summary>
/// A talk. <see cref="Session"/>, the times and the room are null while the talk is not on the
/// program. <see cref="Track"/> and <see cref="Language"/> are its session's, or null.
/// </summary>
public sealed record TalkItem(
    int Id,
    string Slug,
    string Title,
    string? Abstract,
    string? Track,
    string? Language,
    SessionRef? Session,
    ApiTime? Start,
    ApiTime? End,
    RoomRef? Room,
    bool AllRooms,
    IReadOnlyList<PersonRef> Speakers,
    string? SampleNote,
    string Url,
    string ApiUrl);

/// <summary>
/// A speaker as published, with the live profile: the bio as the speaker typed it (Markdown) and
/// as sanitized HTML. The profile fields are null, and the lists of links and photos empty, when the
/// speaker has no profile any more.
/// </summary>
public sealed record SpeakerItem(
    int Id,
    string Slug,
    string Name,
    string? Headline,
    string? Bio,
    string? BioHtml,
    IReadOnlyList<ProfileLink> Links,
    IReadOnlyList<PhotoRendition> Photos,
    IReadOnlyList<TalkRef> Talks,
    IReadOnlyList<LedSessionRef> Sessions,
    string Url,
    string ApiUrl);

/// <summary>A link on a speaker's profile, such as ("GitHub", "https://github.com/ada").</summary>
public sealed record ProfileLink(string Label, string Url);

/// <summary>A square JPEG rendition of a speaker's photo, <see cref="Size"/> pixels wide.</summary>
public sealed record PhotoRendition(int Size, string Url);
