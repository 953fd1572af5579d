namespace ConferenceApp.Domain;

/// <summary>
/// The one place where a conference's local wall-clock times become instants and back.
/// </summary>
/// <remarks>
/// Organizers type and attendees read local times in the conference's IANA time zone; the
/// model stores those local times (DateTime of kind Unspecified). Exports, feeds and "now"
/// need instants, and they get them here, with the zone's daylight-saving rules applied.
/// </remarks>
public sealed class ConferenceClock
{
    private readonly TimeZoneInfo _zone;

    public ConferenceClock(string timeZoneId)
    {
        _zone = FindZone(timeZoneId)
            ?? throw new DomainValidationException(
                new[] { FieldError.Format(nameof(Conference.TimeZoneId), "The time zone \"{0}\" is unknown.", timeZoneId) });
    }

    public string TimeZoneId => _zone.Id;

    /// <summary>Returns the zone for an IANA id such as "Asia/Jerusalem", or null when the id is unknown.</summary>
    public static TimeZoneInfo? FindZone(string? timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>True when the local time does not exist in the zone, because the clocks jump forward over it.</summary>
    public bool IsSkipped(DateTime local) => _zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    /// <summary>
    /// Converts a local time to an instant. A local time that occurs twice (the hour the clocks go
    /// back) is read as the first occurrence, the one with the larger offset. A skipped local time
    /// has no instant and throws.
    /// </summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(unspecified))
        {
            throw new ArgumentOutOfRangeException(nameof(local), local,
                $"The local time {local:yyyy-MM-dd HH:mm} does not exist in {_zone.Id}: the clocks skip it.");
        }

        return Resolve(unspecified);
    }

    /// <summary>
    /// Converts a local time to an instant for display. Unlike <see cref="ToInstant"/> it accepts a
    /// skipped local time, which only data stored before a change of zone can hold, and reads it
    /// with the offset in force before the clocks jumped.
    /// </summary>
    public DateTimeOffset ToInstantForDisplay(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!_zone.IsInvalidTime(unspecified))
        {
            return Resolve(unspecified);
        }

        // Clock changes skip at most two hours, so three hours earlier is before the jump.
        var before = unspecified.AddHours(-3);
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(before));
    }

    private DateTimeOffset Resolve(DateTime unspecified)
    {
        var offset = _zone.IsAmbiguousTime(unspecified)
            ? _zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : _zone.GetUtcOffset(unspecified);

        return new DateTimeOffset(unspecified, offset);
    }

    /// <summary>
    /// Returns the same instant with the offset the zone has at that instant, so that it prints as
    /// the local time people read, such as 02:30+01:00 for the second 02:30 of the night the clocks go back.
    /// </summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>Converts an instant to the conference's local wall-clock time.</summary>
    public DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, _zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>
    /// Returns the real length of a local interval, which differs from end minus start when the
    /// clocks change inside it.
    /// </summary>
    public TimeSpan Duration(DateTime localStart, DateTime localEnd) => ToInstant(localEnd) - ToInstant(localStart);
}
