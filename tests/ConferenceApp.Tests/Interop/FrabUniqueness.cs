using System.Globalization;

namespace ConferenceApp.Tests.Interop;

/// <summary>A day as read from an export, for the checks of the events inside it; null parts could not be read.</summary>
internal sealed record FrabDayFrame(string Path, int Index, DateOnly? Date, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>
/// The rules of <see cref="FrabStructure"/> that span the whole document and are the same in
/// XML and JSON: unique event ids, guids and slugs, day indexes 1, 2, 3 … on dates in order and
/// inside the conference's dates, and each event's time inside its day.
/// </summary>
internal sealed class FrabUniqueness
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _guids = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _slugs = new(StringComparer.Ordinal);
    private DateOnly? _conferenceStart;
    private DateOnly? _conferenceEnd;
    private DateOnly? _previousDate;

    public List<string> Problems { get; } = [];

    public void ConferenceDates(DateOnly? start, DateOnly? end)
    {
        _conferenceStart = start;
        _conferenceEnd = end;
        if (start > end)
        {
            Problems.Add($"The conference starts on {start:yyyy-MM-dd}, after its end on {end:yyyy-MM-dd}.");
        }
    }

    public void Day(FrabDayFrame day, int expectedIndex)
    {
        if (day.Index != expectedIndex)
        {
            Problems.Add($"{day.Path}: index {day.Index} should be {expectedIndex}; days are numbered 1, 2, 3 … in document order, each once.");
        }

        if (day.Date is { } date)
        {
            if (_previousDate is { } previous && date <= previous)
            {
                Problems.Add($"{day.Path}: date {date:yyyy-MM-dd} does not follow the day before ({previous:yyyy-MM-dd}).");
            }

            _previousDate = date;
        }

        if (day.Start > day.End)
        {
            Problems.Add($"{day.Path}: start {day.Start:O} is after end {day.End:O}.");
        }
    }

    /// <summary>Checks that the conference's start and end cover every day; call it after the last day.</summary>
    public void DaysInsideConference(IEnumerable<FrabDayFrame> days)
    {
        foreach (var day in days)
        {
            if (day.Date < _conferenceStart || day.Date > _conferenceEnd)
            {
                Problems.Add($"{day.Path}: date {day.Date:yyyy-MM-dd} is outside the conference's dates {_conferenceStart:yyyy-MM-dd} to {_conferenceEnd:yyyy-MM-dd}.");
            }
        }
    }

    public void Event(string path, string? id, string? guid, string? slug, string? date, string? start, string? duration, FrabDayFrame day)
    {
        if (id is not null && !_ids.Add(id))
        {
            Problems.Add($"{path}: id {id} is used by another event.");
        }

        if (guid is not null && !_guids.Add(guid))
        {
            Problems.Add($"{path}: guid {guid} is used by another event.");
        }

        if (slug is null || !FrabStructure.SlugPattern().IsMatch(slug))
        {
            Problems.Add($"{path}: slug \"{slug}\" must match ^[a-z0-9_-]+[a-z0-9]$.");
        }
        else if (!_slugs.Add(slug))
        {
            Problems.Add($"{path}: slug {slug} is used by another event.");
        }

        var instant = FrabStructure.InstantOf(date);
        if (instant is null)
        {
            Problems.Add($"{path}: date \"{date}\" is not a date-time with an offset, such as 2026-06-01T09:00:00+02:00.");
        }

        if (start is null || !FrabStructure.StartPattern().IsMatch(start))
        {
            Problems.Add($"{path}: start \"{start}\" is not a time of day (HH:MM).");
        }
        else if (instant is { } at && start[..5] != at.ToString("HH:mm", CultureInfo.InvariantCulture))
        {
            Problems.Add($"{path}: start {start} is not the time of day of its date {date}.");
        }

        var length = FrabStructure.DurationOf(duration);
        if (length is null)
        {
            Problems.Add($"{path}: duration \"{duration}\" is not a duration (HH:MM).");
        }

        if (instant is not { } begins)
        {
            return;
        }

        if (day.Date is { } dayDate && DateOnly.FromDateTime(begins.DateTime) != dayDate)
        {
            Problems.Add($"{path}: it starts on {begins:yyyy-MM-dd}, not on its day {dayDate:yyyy-MM-dd}.");
        }

        if (begins < day.Start || (length is { } span && begins + span > day.End))
        {
            Problems.Add($"{path}: {date} for {duration} is not inside its day, {day.Start:O} to {day.End:O}.");
        }
    }
}
