using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Program;

/// <summary>The program page after changes saved straight to the database, as an organizer's edit would save them, and then published.</summary>
public sealed class ProgramEditsTests
{
    [Fact]
    public async Task Late_slot_stays_on_start_day()
    {
        await using var app = new AppFactory();
        await AddSessionAsync(app, "Evening reception", new DateTime(2023, 3, 9, 23, 0, 0), new DateTime(2023, 3, 10, 0, 30, 0));

        await app.PublishAsync();
        var page = await app.CreateClient().GetPageAsync($"/{DemoConference.Slug}/program");

        var day = Assert.Single(page.Document.QuerySelectorAll("section.program-day"));
        Assert.Equal("Thursday, 9 March 2023", day.QuerySelector("h2")!.TextContent);
        Assert.Equal("Evening reception", page.Texts("h3.item-title")[^1]);
    }

    [Fact]
    public async Task Late_slot_marks_next_day_end()
    {
        await using var app = new AppFactory();
        await AddSessionAsync(app, "Evening reception", new DateTime(2023, 3, 9, 23, 0, 0), new DateTime(2023, 3, 10, 0, 30, 0));

        await app.PublishAsync();
        var page = await app.CreateClient().GetPageAsync($"/{DemoConference.Slug}/program");

        var slot = page.Document.QuerySelectorAll("li.slot")[^1];
        var times = slot.QuerySelectorAll("time");
        Assert.Equal("23:00", times[0].TextContent);
        Assert.Equal("00:30", times[1].TextContent);
        Assert.Equal("(+1 day)", slot.QuerySelector(".next-day")!.TextContent.Trim());
        Assert.Equal("2023-03-10T00:30:00+02:00", times[1].GetAttribute("datetime"));
    }

    [Fact]
    public async Task Typographic_session_title_round_trips()
    {
        const string NewTitle = "“Lightning talks” – round 2…";
        await using var app = new AppFactory();
        await using (var scope = app.OpenDb())
        {
            var block = await scope.Db.Sessions.SingleAsync(s => s.Title == "Lightning talks");
            block.Update(NewTitle, block.Kind, block.Description);
            await scope.Db.SaveChangesAsync();
        }

        await app.PublishAsync();
        var page = await app.CreateClient().GetPageAsync($"/{DemoConference.Slug}/program");

        Assert.Contains(NewTitle, page.Texts("h3.item-title"));
    }

    private static async Task AddSessionAsync(AppFactory app, string title, DateTime start, DateTime end)
    {
        await using var scope = app.OpenDb();
        var db = scope.Db;
        var conference = await db.Conferences.SingleAsync(c => c.Slug == DemoConference.Slug);

        var slot = TimeSlot.Create(conference, start, end);
        db.TimeSlots.Add(slot);
        await db.SaveChangesAsync();

        var session = Session.Create(conference.Id, title, SessionKind.Reception, null);
        session.PlaceIn(slot, null);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
    }
}
