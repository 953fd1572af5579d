using ConferenceApp.Domain;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>Turns the "Move…" form's day and times into local start and end times, and the operation's errors back into form fields.</summary>
public static class PlaceTimes
{
    public const string StartTimeMessage = "Enter the start time as hh:mm, from 00:00 to 23:59.";

    public const string EndTimeMessage = "Enter the end time as hh:mm, from 00:00 to 23:59.";

    /// <summary>
    /// Returns the local start and end, or null after adding an error for each missing or invalid
    /// value. Times are read as hh:mm on the 24-hour clock. The end is on the next day only when
    /// EndsNextDay is set.
    /// </summary>
    public static (DateTime Start, DateTime End)? From(PlaceForm form, List<FieldError> errors)
    {
        if (form.Day is null)
        {
            errors.Add(new FieldError(nameof(PlaceForm.Day), "The day is required."));
        }

        var start = ScheduleFormat.ParseClockTime(form.StartTime);
        if (start is null)
        {
            errors.Add(new FieldError(nameof(PlaceForm.StartTime), StartTimeMessage));
        }

        var end = ScheduleFormat.ParseClockTime(form.EndTime);
        if (end is null)
        {
            errors.Add(new FieldError(nameof(PlaceForm.EndTime), EndTimeMessage));
        }

        if (form.Day is not { } day || start is not { } startTime || end is not { } endTime)
        {
            return null;
        }

        return (day.ToDateTime(startTime), (form.EndsNextDay ? day.AddDays(1) : day).ToDateTime(endTime));
    }

    /// <summary>
    /// Moves the slot rules' errors on Start and End to the form's fields. A start day outside the
    /// conference goes to Day and other start errors to StartTime. End errors go to EndTime, with a
    /// hint about the next-day box when the end time is earlier than the start time.
    /// </summary>
    public static ChangeResult ToFormFields(ChangeResult result, PlaceForm form)
    {
        if (result.Outcome != ChangeOutcome.Invalid)
        {
            return result;
        }

        var errors = result.Errors.Select(error => error.Field switch
        {
            nameof(TimeSlot.Start) when !IsConferenceDay(form) => error with { Field = nameof(PlaceForm.Day) },
            nameof(TimeSlot.Start) => error with { Field = nameof(PlaceForm.StartTime) },
            nameof(TimeSlot.End) when !form.EndsNextDay && ScheduleFormat.ParseClockTime(form.EndTime) < ScheduleFormat.ParseClockTime(form.StartTime) =>
                new FieldError(nameof(PlaceForm.EndTime), $"{error.Message} For a session that ends after midnight, tick “Ends the next day”."),
            nameof(TimeSlot.End) => error with { Field = nameof(PlaceForm.EndTime) },
            _ => error,
        });
        return ChangeResult.Invalid([.. errors]);
    }

    private static bool IsConferenceDay(PlaceForm form) =>
        form.Day is { } day && day >= form.Conference.StartDate && day <= form.Conference.EndDate;
}
