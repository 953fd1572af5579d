namespace ConferenceApp.Features.Organize.TimeSlots;

/// <summary>The time slot form: a day and local start and end times in the conference's time zone.</summary>
public sealed class TimeSlotForm : OrganizeForm
{
    /// <summary>The conference day the slot starts on.</summary>
    public DateOnly? Date { get; set; }

    public TimeOnly? StartTime { get; set; }

    public TimeOnly? EndTime { get; set; }

    /// <summary>True when the end time is on the day after <see cref="Date"/>, for a slot that crosses midnight.</summary>
    public bool EndsNextDay { get; set; }
}

public sealed record TimeSlotListPage(OrganizeConference Conference, IReadOnlyList<TimeSlotDay> Days);

public sealed record TimeSlotDay(DateOnly Date, IReadOnlyList<TimeSlotRow> Slots);

/// <summary>A slot as the list shows it, with the display titles of the sessions placed in it.</summary>
public sealed record TimeSlotRow(int Id, DateTime Start, DateTime End, IReadOnlyList<string> Sessions);
