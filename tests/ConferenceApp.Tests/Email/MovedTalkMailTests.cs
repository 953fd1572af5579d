using System.Net;
using System.Text;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Releases;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ConferenceApp.Tests.Email;

public sealed class MovedTalkMailTests() : OutboxTestBase(new Dictionary<string, string>
{
    ["Site:PublicUrl"] = "https://program.example.org",
})
{
    private const string HostileTitle = "<script>alert(\"x\")</script> Bias & 'fairness', \"quoted\"; really";
    private const string SecondTitle = "Graphs\\networks, at scale";

    [Fact]
    public async Task Speakers_get_one_email_each()
    {
        var data = await ArrangeAsync();

        await QueueAndSaveAsync(data, "1.1", data.Changes);
        await WaitUntilAsync(async () => MailCount() == 2 && await AllSentAsync(), "both emails are sent");

        var mails = await MailsAsync();
        var main = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "main.speaker@example.org");
        var co = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "co.speaker@example.org");
        Assert.Equal("WiDS TLV 2023: new times for your talks", main.Subject);
        Assert.Equal("WiDS TLV 2023: new time for your talk", co.Subject);
        Assert.DoesNotContain(mails, m => m.TextBody!.Contains("Hello " + data.NoAddressName, StringComparison.Ordinal));

        var skipped = Assert.Single(App.Logs.Records, r => r.Level == LogLevel.Warning && r.Values.ContainsKey("SpeakerId"));
        Assert.Equal(data.NoAddressId, skipped.Values["SpeakerId"]);
    }

    [Fact]
    public async Task Email_lists_old_and_new_placement()
    {
        var data = await ArrangeAsync();

        await QueueAndSaveAsync(data, "1.1", data.Changes);
        await WaitUntilAsync(async () => MailCount() == 2 && await AllSentAsync(), "both emails are sent");

        var main = (await MailsAsync()).Single(m => m.To.Mailboxes.Single().Address == "main.speaker@example.org");
        var text = main.TextBody!;
        Assert.Contains("Version 1.1 of the WiDS TLV 2023 program moves 2 of your talks", text, StringComparison.Ordinal);
        Assert.Contains(HostileTitle, text, StringComparison.Ordinal);
        Assert.Contains(SecondTitle, text, StringComparison.Ordinal);
        Assert.Contains("Before: Monday 13 March 2023, 09:00–09:30 (Asia/Jerusalem), Hall A", text, StringComparison.Ordinal);
        Assert.Contains("Now:    Monday 13 March 2023, 11:00–11:45 (Asia/Jerusalem), Hall B", text, StringComparison.Ordinal);
        Assert.Contains("Now:    Monday 13 March 2023, 23:30–00:15 next day (Asia/Jerusalem), all rooms", text, StringComparison.Ordinal);
        Assert.Contains($"https://program.example.org/{DemoConference.Slug}/talks/{data.FirstSlug}", text, StringComparison.Ordinal);
        Assert.Contains($"https://program.example.org/{DemoConference.Slug}/talks/{data.SecondSlug}", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf(HostileTitle, StringComparison.Ordinal) < text.IndexOf(SecondTitle, StringComparison.Ordinal), "Talks are listed by new start time.");
    }

    [Fact]
    public async Task Html_part_encodes_user_text()
    {
        var data = await ArrangeAsync();

        await QueueAndSaveAsync(data, "<b>1.1</b>", data.Changes);
        await WaitUntilAsync(async () => MailCount() == 2 && await AllSentAsync(), "both emails are sent");

        foreach (var mail in await MailsAsync())
        {
            var html = mail.HtmlBody!;
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(HostileTitle), html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;1.1&lt;/b&gt;", html, StringComparison.Ordinal);

            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            Assert.Empty(document.QuerySelectorAll("script"));
            Assert.Contains(document.QuerySelectorAll("h2"), h => h.TextContent == HostileTitle);
            Assert.Contains(document.QuerySelectorAll("a[href]"),
                a => a.GetAttribute("href") == $"https://program.example.org/{DemoConference.Slug}/talks/{data.FirstSlug}");
        }
    }

    [Fact]
    public async Task Calendar_file_is_valid()
    {
        var data = await ArrangeAsync();

        await QueueAndSaveAsync(data, "1.1", data.Changes);
        await WaitUntilAsync(async () => MailCount() == 2 && await AllSentAsync(), "both emails are sent");

        var main = (await MailsAsync()).Single(m => m.To.Mailboxes.Single().Address == "main.speaker@example.org");
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(main.Attachments));
        Assert.Equal("moved-talks.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal("PUBLISH", attachment.ContentType.Parameters["method"]);

        var lines = IcsReader.ReadChecked(Encoding.UTF8.GetString(Content(attachment)));
        Assert.Equal("2.0", IcsReader.Value(lines, "VERSION"));
        Assert.Equal("PUBLISH", IcsReader.Value(lines, "METHOD"));
        Assert.NotNull(IcsReader.Value(lines, "PRODID"));

        var events = IcsReader.Components(lines, "VEVENT");
        Assert.Equal(2, events.Count);
        foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "DESCRIPTION", "LOCATION", "URL" })
        {
            Assert.All(events, e => Assert.NotNull(IcsReader.Value(e, required)));
        }

        var first = events[0];
        Assert.Equal($"talk-{data.FirstTalkId}@program.example.org", IcsReader.Value(first, "UID"));
        Assert.Equal(HostileTitle, IcsReader.UnescapeText(IcsReader.Value(first, "SUMMARY")!));

        // Israel is at UTC+2 on 13 March 2023, before its clocks go forward on 24 March.
        Assert.Equal("20230313T090000Z", IcsReader.Value(first, "DTSTART"));
        Assert.Equal("20230313T094500Z", IcsReader.Value(first, "DTEND"));
        Assert.Equal("Hall B, " + data.Venue, IcsReader.UnescapeText(IcsReader.Value(first, "LOCATION")!));
        Assert.Equal($"https://program.example.org/{DemoConference.Slug}/talks/{data.FirstSlug}", IcsReader.Value(first, "URL"));
        Assert.Equal("20261201T090000Z", IcsReader.Value(first, "DTSTAMP"));

        var second = events[1];
        Assert.Equal($"talk-{data.SecondTalkId}@program.example.org", IcsReader.Value(second, "UID"));
        Assert.Equal(SecondTitle, IcsReader.UnescapeText(IcsReader.Value(second, "SUMMARY")!));
        Assert.Equal("20230313T213000Z", IcsReader.Value(second, "DTSTART"));
        Assert.Equal("20230313T221500Z", IcsReader.Value(second, "DTEND"));
    }

    [Fact]
    public async Task Later_release_has_greater_sequence()
    {
        var data = await ArrangeAsync();

        await QueueAndSaveAsync(data, "1.1", data.Changes);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await QueueAndSaveAsync(data, "1.2", data.Changes);
        await WaitUntilAsync(async () => MailCount() == 4 && await AllSentAsync(), "four emails are sent");

        var sequences = new List<long>();
        foreach (var mail in (await MailsAsync()).Where(m => m.To.Mailboxes.Single().Address == "co.speaker@example.org"))
        {
            var lines = IcsReader.ReadChecked(Encoding.UTF8.GetString(Content((MimePart)mail.Attachments.Single())));
            var calendarEvent = Assert.Single(IcsReader.Components(lines, "VEVENT"));
            Assert.Equal($"talk-{data.FirstTalkId}@program.example.org", IcsReader.Value(calendarEvent, "UID"));
            sequences.Add(long.Parse(IcsReader.Value(calendarEvent, "SEQUENCE")!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(2, sequences.Count);
        Assert.Equal(180, sequences.Max() - sequences.Min());
    }

    [Fact]
    public async Task Other_changes_queue_nothing()
    {
        var data = await ArrangeAsync();
        var before = new ItemPlacement(new DateTime(2023, 3, 13, 9, 0, 0), new DateTime(2023, 3, 13, 9, 30, 0), "Hall A");
        var after = before with { RoomName = "Hall B" };
        var ids = new[] { data.MainId };
        var changes = new[]
        {
            new ReleaseChange(ReleaseChangeKind.Renamed, $"talk:{data.FirstTalkId}", "New title", "Old title", before, before, ids),
            new ReleaseChange(ReleaseChangeKind.Added, $"talk:{data.FirstTalkId}", "Added", null, null, after, ids),
            new ReleaseChange(ReleaseChangeKind.Moved, "session:1", "Opening words", null, before, after, ids),
        };

        await QueueAndSaveAsync(data, "1.1", changes);

        await using var scope = App.OpenDb();
        Assert.Equal(0, await scope.Db.OutboxMessages.CountAsync());
    }

    [Fact]
    public async Task Queue_without_save_stores_nothing()
    {
        var data = await ArrangeAsync();

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var mailer = scope.ServiceProvider.GetRequiredService<MovedTalkMailer>();
            await mailer.QueueAsync(data.ConferenceId, "1.1", Clock.GetUtcNow(), data.Changes, CancellationToken.None);
        }

        await using var check = App.OpenDb();
        Assert.Equal(0, await check.Db.OutboxMessages.CountAsync());
    }

    private async Task QueueAndSaveAsync(Arranged data, string releaseName, IReadOnlyList<ReleaseChange> changes)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var mailer = scope.ServiceProvider.GetRequiredService<MovedTalkMailer>();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();

        await mailer.QueueAsync(data.ConferenceId, releaseName, Clock.GetUtcNow(), changes, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private async Task<bool> AllSentAsync()
    {
        await using var scope = App.OpenDb();
        return !await scope.Db.OutboxMessages.AnyAsync(m => m.SentAtUtc == null);
    }

    /// <summary>
    /// Picks two talks and three speakers of the demo conference. The main speaker has an account
    /// and an older invitation to another address, the co-speaker only an invitation, and the
    /// third speaker neither.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var conference = await db.Conferences.SingleAsync(c => c.Slug == DemoConference.Slug);
        var talks = await db.Talks.OfConference(conference.Id).OrderBy(t => t.Id).Take(2).ToListAsync();
        var speakers = await db.Speakers.OfConference(conference.Id).OrderBy(s => s.Id).Take(3).ToListAsync();
        var (main, co, none) = (speakers[0], speakers[1], speakers[2]);

        var user = new IdentityUser { UserName = "main.speaker@example.org", Email = "main.speaker@example.org", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, "a speaker's long password")).Succeeded);
        main.LinkAccount(user.Id);
        var now = Clock.GetUtcNow().UtcDateTime;
        db.SpeakerInvitations.Add(SpeakerInvitation.Create(main, "old.address@example.org", "organizer", now.AddDays(-3), SpeakerInvitation.DefaultLifetime).Invitation);
        db.SpeakerInvitations.Add(SpeakerInvitation.Create(co, "revoked@example.org", "organizer", now.AddDays(-2), SpeakerInvitation.DefaultLifetime).Invitation);
        db.SpeakerInvitations.Add(SpeakerInvitation.Create(co, "co.speaker@example.org", "organizer", now.AddDays(-1), SpeakerInvitation.DefaultLifetime).Invitation);
        await db.SaveChangesAsync();

        var firstBefore = new ItemPlacement(new DateTime(2023, 3, 13, 9, 0, 0), new DateTime(2023, 3, 13, 9, 30, 0), "Hall A");
        var firstAfter = new ItemPlacement(new DateTime(2023, 3, 13, 11, 0, 0), new DateTime(2023, 3, 13, 11, 45, 0), "Hall B");
        var secondBefore = new ItemPlacement(new DateTime(2023, 3, 13, 14, 0, 0), new DateTime(2023, 3, 13, 14, 45, 0), "Hall B");
        var secondAfter = new ItemPlacement(new DateTime(2023, 3, 13, 23, 30, 0), new DateTime(2023, 3, 14, 0, 15, 0), null);

        // The later talk comes first, so the email has to sort them.
        var changes = new List<ReleaseChange>
        {
            new(ReleaseChangeKind.Moved, $"talk:{talks[1].Id}", SecondTitle, null, secondBefore, secondAfter, [main.Id, none.Id]),
            new(ReleaseChangeKind.Moved, $"talk:{talks[0].Id}", HostileTitle, null, firstBefore, firstAfter, [main.Id, co.Id]),
        };

        return new Arranged(
            conference.Id, conference.Venue, talks[0].Id, talks[0].Slug, talks[1].Id, talks[1].Slug, main.Id, none.Id, none.Name, changes);
    }

    private sealed record Arranged(
        int ConferenceId,
        string? Venue,
        int FirstTalkId,
        string FirstSlug,
        int SecondTalkId,
        string SecondSlug,
        int MainId,
        int NoAddressId,
        string NoAddressName,
        IReadOnlyList<ReleaseChange> Changes);
}
