using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace ConferenceApp.Tests.Email;

/// <summary>Publishing through the organizers' form emails the speakers of moved talks, and no one else.</summary>
public sealed class PublishMailTests : OutboxTestBase
{
    private const string MovedAddress = "moved.speaker@example.org";
    private const string StayingAddress = "staying.speaker@example.org";

    [Fact]
    public async Task Publish_emails_moved_talk_speakers()
    {
        var movedTitle = await MoveOneTalkAsync();

        await App.PublishAsync();
        await WaitUntilAsync(() => Task.FromResult(MailCount() == 1), "the email to the moved talk's speaker is sent");

        var mail = Assert.Single(await MailsAsync());
        Assert.Equal(MovedAddress, mail.To.Mailboxes.Single().Address);
        Assert.Contains(movedTitle, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("17:00–17:20", mail.TextBody, StringComparison.Ordinal);

        var calendar = Assert.Single(mail.Attachments.OfType<MimePart>(), part => part.FileName?.EndsWith(".ics", StringComparison.Ordinal) == true);
        var ics = System.Text.Encoding.UTF8.GetString(Content(calendar));
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20230309T150000Z", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_event_matches_schedule_export()
    {
        var movedTitle = await MoveOneTalkAsync();

        await App.PublishAsync();
        await WaitUntilAsync(() => Task.FromResult(MailCount() == 1), "the email to the moved talk's speaker is sent");

        var attachment = Assert.Single((await MailsAsync()).Single().Attachments.OfType<MimePart>());
        var mailed = Assert.Single(IcsReader.Components(IcsReader.ReadChecked(System.Text.Encoding.UTF8.GetString(Content(attachment))), "VEVENT"));
        var schedule = IcsReader.ReadChecked(await App.CreateClient().GetStringAsync($"/{DemoConference.Slug}/schedule.ics"));
        var exported = Assert.Single(IcsReader.Components(schedule, "VEVENT"), e => IcsReader.Value(e, "UID") == IcsReader.Value(mailed, "UID"));

        // The same UID and SEQUENCE let a calendar that imported either file take the other as the same revision.
        Assert.Equal(movedTitle, IcsReader.UnescapeText(IcsReader.Value(exported, "SUMMARY")!));
        Assert.Equal(IcsReader.Value(mailed, "SEQUENCE"), IcsReader.Value(exported, "SEQUENCE"));
        Assert.Equal(IcsReader.Value(mailed, "DTSTAMP"), IcsReader.Value(exported, "DTSTAMP"));
    }

    [Fact]
    public async Task Publish_without_moves_sends_nothing()
    {
        await MoveOneTalkAsync();
        await App.PublishAsync();
        await WaitUntilAsync(() => Task.FromResult(MailCount() == 1), "the first release's email is sent");

        await App.PublishAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(1, MailCount());
        await using var scope = App.OpenDb();
        Assert.Equal(1, await scope.Db.OutboxMessages.CountAsync());
    }

    /// <summary>
    /// Gives the speakers of two single-talk sessions an invitation address and moves the first
    /// session to 17:00–17:20 on the conference's day. Returns the moved talk's title.
    /// </summary>
    private async Task<string> MoveOneTalkAsync()
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;
        var conference = await db.Conferences.SingleAsync(c => c.Slug == DemoConference.Slug);
        var talks = await db.Talks.OfConference(conference.Id)
            .Include(t => t.Speakers)
            .Where(t => t.SessionId != null && t.Speakers.Count == 1)
            .OrderBy(t => t.Id)
            .Take(2)
            .ToListAsync();
        var (moved, staying) = (talks[0], talks[1]);

        var now = Clock.GetUtcNow().UtcDateTime;
        foreach (var (talk, address) in new[] { (moved, MovedAddress), (staying, StayingAddress) })
        {
            var speaker = await db.Speakers.SingleAsync(s => s.Id == talk.Speakers[0].SpeakerId);
            db.SpeakerInvitations.Add(SpeakerInvitation.Create(speaker, address, "organizer", now, SpeakerInvitation.DefaultLifetime).Invitation);
        }

        var session = await db.Sessions.SingleAsync(s => s.Id == moved.SessionId);
        var room = await db.Rooms.OfConference(conference.Id).OrderBy(r => r.Position).FirstAsync();
        var day = conference.StartDate.ToDateTime(TimeOnly.MinValue);
        var slot = TimeSlot.Create(conference, day.AddHours(17), day.AddHours(17).AddMinutes(20));
        db.TimeSlots.Add(slot);
        await db.SaveChangesAsync();

        session.PlaceIn(slot, room);
        await db.SaveChangesAsync();
        return moved.Title;
    }
}
