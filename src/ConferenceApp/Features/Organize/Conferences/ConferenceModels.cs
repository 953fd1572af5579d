using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace ConferenceApp.Features.Organize.Conferences;

/// <summary>The conference form. <see cref="OrganizeForm.Conference"/> is the conference itself, and null on the form that creates one.</summary>
public sealed class ConferenceForm : OrganizeForm
{
    /// <summary>The URL name. Left empty on a new conference, it is made from the name.</summary>
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? Venue { get; set; }

    /// <summary>The IANA time zone id, such as Europe/Berlin.</summary>
    public string? TimeZoneId { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>Whether speakers may edit the titles and abstracts of their own talks.</summary>
    public bool SpeakersMayEditTalks { get; set; }

    /// <summary>
    /// Whether a change of the first day moves the time slots and the rooms' and speakers'
    /// availability by the same number of days. Used when editing, not when creating.
    /// </summary>
    public bool MoveProgramWithDates { get; set; }

    /// <summary>The IANA ids installed on the server, offered as suggestions.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<string> TimeZones { get; set; } = [];
}

public sealed record ConferenceListPage(IReadOnlyList<ConferenceRow> Conferences);

public sealed record ConferenceRow(string Slug, string Name, string? Venue, DateOnly StartDate, DateOnly EndDate);

/// <summary>The start page of one conference: what it contains and what still needs placing.</summary>
public sealed record DashboardPage(
    OrganizeConference Conference,
    string? Venue,
    int RoomCount,
    int SlotCount,
    int SessionCount,
    int UnplacedSessionCount,
    int TalkCount,
    int UnscheduledTalkCount,
    int SpeakerCount);
