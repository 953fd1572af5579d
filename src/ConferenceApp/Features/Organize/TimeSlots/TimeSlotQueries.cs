using ConferenceApp.Data;
using ConferenceApp.Features.Organize.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.TimeSlots;

public sealed class TimeSlotQueries(ConferenceDbContext db)
{
    public async Task<TimeSlotListPage> ListAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var sessions = (await SessionTitles.ListAsync(db, conference.Id, cancellationToken))
            .Where(s => s.TimeSlotId is not null)
            .ToLookup(s => s.TimeSlotId!.Value, s => s.DisplayTitle);
        var slots = await db.TimeSlots.AsNoTracking().OfConference(conference.Id)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Start, s.End })
            .ToListAsync(cancellationToken);

        var days = slots
            .GroupBy(s => DateOnly.FromDateTime(s.Start))
            .Select(day => new TimeSlotDay(day.Key, [.. day.Select(s => new TimeSlotRow(s.Id, s.Start, s.End, [.. sessions[s.Id]]))]))
            .ToList();
        return new TimeSlotListPage(conference, days);
    }

    /// <summary>Returns a form that starts where the latest slot ends, or on the conference's first day when that end is outside the conference.</summary>
    public async Task<TimeSlotForm> NewFormAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var last = await db.TimeSlots.AsNoTracking().OfConference(conference.Id)
            .OrderByDescending(s => s.End)
            .Select(s => (DateTime?)s.End)
            .FirstOrDefaultAsync(cancellationToken);

        var form = new TimeSlotForm();
        if (last is { } end && DateOnly.FromDateTime(end) is var day && day >= conference.StartDate && day <= conference.EndDate)
        {
            form.Date = day;
            form.StartTime = TimeOnly.FromDateTime(end);
        }
        else
        {
            form.Date = conference.StartDate;
        }

        FillChoices(form, conference);
        return form;
    }

    public async Task<TimeSlotForm?> EditFormAsync(OrganizeConference conference, int id, CancellationToken cancellationToken)
    {
        var slot = await db.TimeSlots.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Version, s.Start, s.End, s.SampleNote })
            .FirstOrDefaultAsync(cancellationToken);
        if (slot is null)
        {
            return null;
        }

        var form = new TimeSlotForm
        {
            Id = slot.Id,
            Version = slot.Version,
            Date = DateOnly.FromDateTime(slot.Start),
            StartTime = TimeOnly.FromDateTime(slot.Start),
            EndTime = TimeOnly.FromDateTime(slot.End),
            EndsNextDay = slot.End.Date > slot.Start.Date,
            SampleNote = slot.SampleNote,
        };
        FillChoices(form, conference);
        return form;
    }

    /// <summary>Sets what a posted form lacks, which for a time slot is only the conference.</summary>
    public static void FillChoices(TimeSlotForm form, OrganizeConference conference) => form.Conference = conference;

    public async Task<DeletePage?> DeletePageAsync(OrganizeConference conference, int id, string cancelUrl, CancellationToken cancellationToken)
    {
        var slot = await db.TimeSlots.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Id == id)
            .Select(s => new { s.Start, s.End, s.Version, Sessions = db.Sessions.Count(x => x.TimeSlotId == s.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (slot is null)
        {
            return null;
        }

        string[] consequences = slot.Sessions == 0
            ? ["No session is placed in this slot."]
            : [$"Sessions in this slot ({OrganizeFormat.Count(slot.Sessions, "session")}) are kept but leave the program until you place them in another slot."];
        return new DeletePage(conference, "time slot", OrganizeFormat.SlotLabel(slot.Start, slot.End), consequences, slot.Version, cancelUrl);
    }
}
