namespace ConferenceApp.Domain;

/// <summary>
/// A stretch of the program, from <see cref="Start"/> to <see cref="End"/> in the conference's
/// local time. Sessions are placed in slots; several sessions share a slot when they run in
/// parallel rooms.
/// </summary>
public sealed class TimeSlot : ConferenceEntity
{
    /// <summary>The longest slot the model accepts. A slot may end after midnight but not last days.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(24);

    private TimeSlot()
    {
    }

    /// <summary>Local start time in the conference's zone (DateTime of kind Unspecified).</summary>
    public DateTime Start { get; private set; }

    /// <summary>Local end time in the conference's zone; may fall on the next day.</summary>
    public DateTime End { get; private set; }

    /// <summary>The conference day the slot belongs to: the day it starts on, even when it ends after midnight.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Start);

    public static TimeSlot Create(Conference conference, DateTime start, DateTime end)
    {
        var slot = new TimeSlot { ConferenceId = conference.Id };
        slot.Move(conference, start, end);
        return slot;
    }

    /// <summary>Sets new local start and end times, or throws and changes nothing.</summary>
    public void Move(Conference conference, DateTime start, DateTime end)
    {
        var localStart = DateTime.SpecifyKind(TruncateToMinute(start), DateTimeKind.Unspecified);
        var localEnd = DateTime.SpecifyKind(TruncateToMinute(end), DateTimeKind.Unspecified);

        DomainValidationException.ThrowIfAny(Validate(conference, localStart, localEnd));

        Start = localStart;
        End = localEnd;
    }

    /// <summary>Checks the slot rules: it ends after it starts, starts on one of the conference's days, and both times exist in the zone.</summary>
    public static List<FieldError> Validate(Conference conference, DateTime start, DateTime end)
    {
        var errors = new List<FieldError>();

        if (end <= start)
        {
            errors.Add(FieldError.Format(nameof(End), "The end ({0:HH:mm}) must be after the start ({1:HH:mm}).", end, start));
        }
        else if (end - start > MaxLength)
        {
            errors.Add(new FieldError(nameof(End), "A time slot can last at most 24 hours."));
        }

        if (!conference.HasDay(DateOnly.FromDateTime(start)))
        {
            errors.Add(new FieldError(nameof(Start),
                $"The start day {start:yyyy-MM-dd} is not one of the conference's days ({conference.StartDate:yyyy-MM-dd} to {conference.EndDate:yyyy-MM-dd})."));
        }

        var clock = new ConferenceClock(conference.TimeZoneId);
        if (clock.IsSkipped(start))
        {
            errors.Add(new FieldError(nameof(Start),
                $"{start:yyyy-MM-dd HH:mm} does not exist in {conference.TimeZoneId}: the clocks skip it that night."));
        }

        if (clock.IsSkipped(end))
        {
            errors.Add(new FieldError(nameof(End),
                $"{end:yyyy-MM-dd HH:mm} does not exist in {conference.TimeZoneId}: the clocks skip it that night."));
        }

        return errors;
    }

    private static DateTime TruncateToMinute(DateTime value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, DateTimeKind.Unspecified);
}
