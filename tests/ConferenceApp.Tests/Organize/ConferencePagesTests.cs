using ConferenceApp.Domain;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

public sealed class ConferencePagesTests : OrganizerTestBase
{
    private static readonly Dictionary<string, string> NewConference = new()
    {
        ["Name"] = "Data Days Berlin",
        ["Slug"] = "",
        ["Venue"] = "Kulturbrauerei",
        ["TimeZoneId"] = "Europe/Berlin",
        ["StartDate"] = "2026-06-10",
        ["EndDate"] = "2026-06-11",
    };

    [Fact]
    public async Task Create_makes_slug_from_name_and_audits()
    {
        var response = await Browser.SubmitAsync("/organize/conferences/new", NewConference);

        Assert.Equal("/organize/data-days-berlin", OrganizerBrowser.RedirectTarget(response));
        var dashboard = await Browser.FollowAsync(response);
        Assert.Contains("Data Days Berlin", OrganizerBrowser.SuccessMessage(dashboard));
        var program = await Browser.Client.GetAsync(new Uri("/data-days-berlin/program", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, program.StatusCode);
        var audit = await AuditOfAsync("Conference");
        Assert.Equal("Added", audit[^1].Action);
        Assert.Contains("Data Days Berlin", audit[^1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_changes_name_and_slug()
    {
        var response = await Browser.SubmitAsync($"/organize/{Conference}/edit", Fields(("Name", "WiDS Tel Aviv 2023"), ("Slug", "wids-2023")));

        Assert.Equal("/organize/wids-2023", OrganizerBrowser.RedirectTarget(response));
        var program = await Browser.Client.GetStringAsync(new Uri("/wids-2023/program", UriKind.Relative));
        Assert.Contains("WiDS Tel Aviv 2023", program, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri($"/{Conference}/program", UriKind.Relative))).StatusCode);
        Assert.Equal("Modified", (await AuditOfAsync("Conference"))[^1].Action);
    }

    [Theory]
    [InlineData("Name", "", "Name", "Name is required.")]
    [InlineData("Slug", "Not A Slug", "Slug", "is invalid")]
    [InlineData("Slug", "organize", "Slug", "reserved")]
    [InlineData("TimeZoneId", "Mars/Olympus_Mons", "TimeZoneId", "unknown")]
    [InlineData("EndDate", "2026-06-01", "EndDate", "must not be before the first day")]
    [InlineData("StartDate", "", "StartDate", "The first day is required.")]
    [InlineData("StartDate", "0001-01-01", "StartDate", "from 1970 to 2199")]
    [InlineData("EndDate", "9999-12-31", "EndDate", "from 1970 to 2199")]
    public async Task Create_rejects_bad_input_next_to_field(string field, string value, string errorField, string message)
    {
        var values = new Dictionary<string, string>(NewConference) { [field] = value };
        var before = (await AuditOfAsync("Conference")).Count;

        var response = await Browser.SubmitAsync("/organize/conferences/new", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains(message, OrganizerBrowser.ErrorFor(page, errorField), StringComparison.Ordinal);
        Assert.Equal(before, (await AuditOfAsync("Conference")).Count);
        await using var scope = App.OpenDb();
        Assert.Equal(1, await scope.Db.Conferences.CountAsync());
    }

    [Fact]
    public async Task Create_rejects_duplicate_slug()
    {
        var values = new Dictionary<string, string>(NewConference) { ["Slug"] = Conference };

        var response = await Browser.SubmitAsync("/organize/conferences/new", values);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("already uses the URL name", OrganizerBrowser.ErrorFor(page, "Slug"), StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        Assert.Equal(1, await scope.Db.Conferences.CountAsync());
    }

    [Fact]
    public async Task Edit_rejects_days_that_drop_slots()
    {
        var response = await Browser.SubmitAsync($"/organize/{Conference}/edit", Fields(("StartDate", "2023-03-10"), ("EndDate", "2023-03-11")));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("2023-03-09", OrganizerBrowser.ErrorFor(page, "StartDate"), StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        Assert.Equal(new DateOnly(2023, 3, 9), await scope.Db.Conferences.Select(c => c.StartDate).SingleAsync());
    }

    [Fact]
    public async Task Edit_moves_program_with_dates()
    {
        await using (var arrange = App.OpenDb())
        {
            var room = await arrange.Db.Rooms.SingleAsync();
            room.SetAvailability(Availability.Of([new LocalInterval(new DateTime(2023, 3, 9, 8, 0, 0), new DateTime(2023, 3, 9, 18, 0, 0))]));
            await arrange.Db.SaveChangesAsync();
        }

        var response = await Browser.SubmitAsync($"/organize/{Conference}/edit",
            Fields(("StartDate", "2026-10-24"), ("EndDate", "2026-10-25"), ("MoveProgramWithDates", "true")));

        Assert.Equal($"/organize/{Conference}", OrganizerBrowser.RedirectTarget(response));
        await using var scope = App.OpenDb();
        var starts = await scope.Db.TimeSlots.Select(s => s.Start).ToListAsync();
        Assert.All(starts, start => Assert.Equal(new DateOnly(2026, 10, 24), DateOnly.FromDateTime(start)));
        Assert.Contains(new DateTime(2026, 10, 24, 9, 30, 0), starts);
        var interval = Assert.Single((await scope.Db.Rooms.SingleAsync()).Availability.Intervals);
        Assert.Equal(new DateTime(2026, 10, 24, 8, 0, 0), interval.Start);
    }

    [Fact]
    public async Task Move_into_skipped_time_is_rejected()
    {
        // London's clocks skip 01:00 to 02:00 on 29 March 2026, so a slot at 01:30 cannot move there.
        await using (var arrange = App.OpenDb())
        {
            var conference = await arrange.Db.Conferences.SingleAsync();
            arrange.Db.TimeSlots.Add(TimeSlot.Create(conference, new DateTime(2023, 3, 9, 1, 30, 0), new DateTime(2023, 3, 9, 2, 30, 0)));
            await arrange.Db.SaveChangesAsync();
        }

        var response = await Browser.SubmitAsync($"/organize/{Conference}/edit",
            Fields(("TimeZoneId", "Europe/London"), ("StartDate", "2026-03-29"), ("EndDate", "2026-03-29"), ("MoveProgramWithDates", "true")));

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("cannot move by 1116 days", OrganizerBrowser.ErrorFor(page, "StartDate"), StringComparison.Ordinal);
        await using var scope = App.OpenDb();
        Assert.Equal(new DateOnly(2023, 3, 9), await scope.Db.Conferences.Select(c => c.StartDate).SingleAsync());
    }

    [Fact]
    public async Task Edit_rejects_zone_that_skips_slot()
    {
        var values = new Dictionary<string, string>(NewConference)
        {
            ["Slug"] = "spring-forward",
            ["TimeZoneId"] = "Europe/London",
            ["StartDate"] = "2026-03-29",
            ["EndDate"] = "2026-03-29",
        };
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync("/organize/conferences/new", values));
        var slot = new Dictionary<string, string> { ["Date"] = "2026-03-29", ["StartTime"] = "02:30", ["EndTime"] = "03:30" };
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync("/organize/spring-forward/timeslots/new", slot));

        // Berlin's clocks jump from 02:00 to 03:00 that night, so 02:30 would not exist there.
        var edit = await Browser.SubmitAsync("/organize/spring-forward/edit", new Dictionary<string, string>(values) { ["TimeZoneId"] = "Europe/Berlin" });

        var page = await OrganizerBrowser.ParseAsync(edit);
        Assert.Contains("2026-03-29 02:30", OrganizerBrowser.ErrorFor(page, "TimeZoneId"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Browser.Client.GetAsync(new Uri("/spring-forward/program", UriKind.Relative))).StatusCode);
        await using var scope = App.OpenDb();
        Assert.Equal("Europe/London", await scope.Db.Conferences.Where(c => c.Slug == "spring-forward").Select(c => c.TimeZoneId).SingleAsync());
    }

    [Fact]
    public async Task Stale_edit_keeps_other_change()
    {
        var url = $"/organize/{Conference}/edit";
        var stale = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        OrganizerBrowser.RedirectTarget(await Browser.SubmitAsync(url, Fields(("Venue", "Tel Aviv University"))));

        stale["Name"] = "My rename";
        var response = await Browser.PostAsync(url, stale);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Contains("Someone else changed this conference", OrganizerBrowser.FormError(page), StringComparison.Ordinal);
        Assert.Equal("Tel Aviv University", OrganizerBrowser.FormValues(page)["Venue"]);
        Assert.Equal("WiDS TLV 2023", OrganizerBrowser.FormValues(page)["Name"]);
        await using var scope = App.OpenDb();
        var stored = await scope.Db.Conferences.SingleAsync();
        Assert.Equal("WiDS TLV 2023", stored.Name);
        Assert.Equal("Tel Aviv University", stored.Venue);
        Assert.Equal(stored.Version.ToString(), OrganizerBrowser.FormValues(page)["Version"]);
    }

    [Fact]
    public async Task Delete_requires_slug_and_removes_everything()
    {
        var url = $"/organize/{Conference}/delete";

        var wrong = await Browser.SubmitAsync(url, Fields(("ConfirmSlug", "wids")));
        var wrongPage = await OrganizerBrowser.ParseAsync(wrong);
        Assert.Contains("exactly", OrganizerBrowser.ErrorFor(wrongPage, "ConfirmSlug"), StringComparison.Ordinal);
        await using (var scope = App.OpenDb())
        {
            Assert.Equal(1, await scope.Db.Conferences.CountAsync());
        }

        var response = await Browser.SubmitAsync(url, Fields(("ConfirmSlug", Conference)));

        Assert.Equal("/organize", OrganizerBrowser.RedirectTarget(response));
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri($"/{Conference}/program", UriKind.Relative))).StatusCode);
        await using (var scope = App.OpenDb())
        {
            Assert.Equal(0, await scope.Db.Conferences.CountAsync());
            Assert.Equal(0, await scope.Db.Rooms.CountAsync());
            Assert.Equal(0, await scope.Db.TimeSlots.CountAsync());
            Assert.Equal(0, await scope.Db.Sessions.CountAsync());
            Assert.Equal(0, await scope.Db.Talks.CountAsync());
            Assert.Equal(0, await scope.Db.Speakers.CountAsync());
            Assert.Equal(0, await scope.Db.SessionPeople.CountAsync());
            Assert.Equal(0, await scope.Db.TalkSpeakers.CountAsync());
        }

        Assert.Equal("Deleted", (await AuditOfAsync("Conference"))[^1].Action);
    }
}
