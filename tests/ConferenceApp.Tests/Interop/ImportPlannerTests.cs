using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Interop;

public sealed class ImportPlannerTests
{
    private const string Zone = "Europe/Berlin";

    private static readonly ImportedRoom Hall = new("frab:room:Hall", "Hall");

    private static readonly ImportedSpeaker Ada = new("frab:person:1", "Ada Lovelace", null);

    private static ImportDraft EmptyDraft() =>
        new(Zone, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), [], [], [], [], []);

    private static ImportedEvent Talk(string key, DateTimeOffset start, int minutes = 30, string title = "Engines") =>
        new(key, $"Event {key}", title, SessionKind.Talk, true, "About engines.", start, TimeSpan.FromMinutes(minutes), Hall.SourceKey, [Ada.SourceKey]);

    private static ImportedProgram Program(params ImportedEvent[] events) =>
        new(Zone, [Hall], [Ada], events, []);

    [Fact]
    public void Empty_draft_creates_everything()
    {
        var plan = ImportPlanner.Plan(Program(Talk("a", new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2)))), EmptyDraft());

        Assert.Equal(ImportAction.Create, Assert.Single(plan.Rooms).Action);
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Slots).Action);
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Speakers).Action);
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Sessions).Action);
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Talks).Action);
        Assert.Equal(new DateTime(2026, 10, 24, 9, 0, 0), plan.Slots[0].Values!.Start);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void Matching_draft_is_unchanged()
    {
        var draft = EmptyDraft() with
        {
            Rooms = [new DraftRoom(1, Hall.SourceKey, "Hall")],
            Slots = [new DraftSlot(2, new DateTime(2026, 10, 24, 9, 0, 0), new DateTime(2026, 10, 24, 9, 30, 0))],
            Speakers = [new DraftSpeaker(3, Ada.SourceKey, "Ada Lovelace")],
            Sessions = [new DraftSession(4, "a", null, SessionKind.Talk, null, 2, 1, [])],
            Talks = [new DraftTalk(5, "a", "Engines", "About engines.", 4, 30, [3])],
        };

        var plan = ImportPlanner.Plan(Program(Talk("a", new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero))), draft);

        Assert.Equal(0, plan.Count(ImportAction.Create));
        Assert.Equal(0, plan.Count(ImportAction.Update));
        Assert.Equal(5, plan.Count(ImportAction.Unchanged));
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Changed_title_and_time_are_updates()
    {
        var draft = EmptyDraft() with
        {
            Rooms = [new DraftRoom(1, Hall.SourceKey, "Hall")],
            Slots = [new DraftSlot(2, new DateTime(2026, 10, 24, 9, 0, 0), new DateTime(2026, 10, 24, 9, 30, 0))],
            Speakers = [new DraftSpeaker(3, Ada.SourceKey, "Ada Lovelace")],
            Sessions = [new DraftSession(4, "a", null, SessionKind.Talk, null, 2, 1, [])],
            Talks = [new DraftTalk(5, "a", "Engines", "About engines.", 4, 30, [3])],
        };

        var plan = ImportPlanner.Plan(Program(Talk("a", new DateTimeOffset(2026, 10, 24, 10, 0, 0, TimeSpan.FromHours(2)), title: "Analytical engines")), draft);

        var session = Assert.Single(plan.Sessions);
        Assert.Equal(ImportAction.Update, session.Action);
        var time = Assert.Single(session.Changes);
        Assert.Equal("Time", time.Field);
        Assert.Equal("2026-10-24 09:00–09:30", time.Old);
        Assert.Equal("2026-10-24 10:00–10:30", time.New);
        var talk = Assert.Single(plan.Talks);
        Assert.Equal(ImportAction.Update, talk.Action);
        Assert.Contains(talk.Changes, c => c is { Field: "Title", Old: "Engines", New: "Analytical engines" });
        Assert.Equal(5, talk.ExistingId);
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Slots).Action);
    }

    [Fact]
    public void Day_outside_conference_is_rejected()
    {
        var plan = ImportPlanner.Plan(Program(Talk("12", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(1)))), EmptyDraft());

        var row = Assert.Single(plan.Sessions);
        Assert.Equal(ImportAction.Rejected, row.Action);
        Assert.Contains("2026-11-01", row.Reason);
        Assert.Contains("not one of the conference's days", row.Reason);
        Assert.Empty(plan.Talks);
    }

    [Fact]
    public void Duplicate_event_id_is_rejected()
    {
        var start = new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2));

        var plan = ImportPlanner.Plan(Program(Talk("a", start), Talk("a", start.AddHours(1))), EmptyDraft());

        Assert.Equal(ImportAction.Create, plan.Sessions[0].Action);
        Assert.Equal(ImportAction.Rejected, plan.Sessions[1].Action);
        Assert.Contains("more than once", plan.Sessions[1].Reason);
    }

    [Fact]
    public void Zero_duration_is_rejected()
    {
        var plan = ImportPlanner.Plan(Program(Talk("a", new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2)), minutes: 0)), EmptyDraft());

        Assert.Equal(ImportAction.Rejected, Assert.Single(plan.Sessions).Action);
        Assert.Contains("duration", plan.Sessions[0].Reason);
    }

    [Fact]
    public void Unknown_room_is_rejected()
    {
        var item = Talk("a", new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2))) with { RoomKey = "frab:room:Attic" };

        var plan = ImportPlanner.Plan(Program(item), EmptyDraft());

        Assert.Equal(ImportAction.Rejected, Assert.Single(plan.Sessions).Action);
        Assert.Contains("frab:room:Attic", plan.Sessions[0].Reason);
    }

    [Fact]
    public void Room_matches_by_name_once()
    {
        var draft = EmptyDraft() with { Rooms = [new DraftRoom(7, null, "hall")] };

        var plan = ImportPlanner.Plan(Program(), draft);

        var room = Assert.Single(plan.Rooms);
        Assert.Equal(ImportAction.Update, room.Action);
        Assert.Equal(7, room.ExistingId);
        Assert.Contains(room.Changes, c => c.Field == "Source id" && c.New == Hall.SourceKey);
    }

    [Fact]
    public void Other_zone_is_converted_and_noted()
    {
        var program = Program(Talk("a", new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(-4)))) with { TimeZoneId = "America/New_York" };

        var plan = ImportPlanner.Plan(program, EmptyDraft());

        Assert.Equal(new DateTime(2026, 10, 24, 15, 0, 0), Assert.Single(plan.Slots).Values!.Start);
        Assert.Contains("America/New_York", Assert.Single(plan.Notes));
    }

    [Fact]
    public void Item_across_midnight_belongs_to_start_day()
    {
        var plan = ImportPlanner.Plan(Program(Talk("a", new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.FromHours(2)), minutes: 60)), EmptyDraft());

        var slot = Assert.Single(plan.Slots).Values!;
        Assert.Equal(new DateTime(2026, 10, 24, 23, 30, 0), slot.Start);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0), slot.End);
    }

    [Fact]
    public void Item_over_clock_change_keeps_instants()
    {
        // In Berlin the clocks go back from 03:00 CEST to 02:00 CET on 2026-10-25, so 90 real minutes from 01:30 end at 02:00 CET.
        var plan = ImportPlanner.Plan(Program(Talk("a", new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.FromHours(2)), minutes: 90)), EmptyDraft());

        var slot = Assert.Single(plan.Slots).Values!;
        Assert.Equal(new DateTime(2026, 10, 25, 1, 30, 0), slot.Start);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 0, 0), slot.End);
        Assert.Equal(90, Assert.Single(plan.Talks).Values!.DurationMinutes);
    }

    [Fact]
    public void Fingerprint_follows_changes()
    {
        var program = Program(Talk("a", new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2))));
        var first = ImportPlanner.Plan(program, EmptyDraft()).Fingerprint();
        var again = ImportPlanner.Plan(program, EmptyDraft()).Fingerprint();
        var changed = ImportPlanner.Plan(program, EmptyDraft() with { Rooms = [new DraftRoom(1, Hall.SourceKey, "Hall")] }).Fingerprint();

        Assert.Equal(first, again);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void Speaker_matches_by_email()
    {
        var draft = EmptyDraft() with { Speakers = [new DraftSpeaker(9, "csv:speaker:1", "Ada Lovelace", null, "ada@example.org")] };
        var program = new ImportedProgram(null, [], [new ImportedSpeaker("frab:person:7", "Ada Lovelace", " ADA@Example.org ")], [], []);

        var plan = ImportPlanner.Plan(program, draft);

        var row = Assert.Single(plan.Speakers);
        Assert.Equal(ImportAction.Update, row.Action);
        Assert.Equal(9, row.ExistingId);
        Assert.Equal("ada@example.org", row.Values!.Email);
        Assert.Contains(row.Changes, c => c is { Field: "Source id", Old: "csv:speaker:1", New: "frab:person:7" });
    }

    [Fact]
    public void Two_people_on_one_speaker_rejected()
    {
        var draft = EmptyDraft() with { Speakers = [new DraftSpeaker(9, null, "Ada Lovelace", null, "ada@example.org")] };
        var program = new ImportedProgram(null, [],
            [new ImportedSpeaker("csv:speaker:1", "Ada", "ada@example.org"), new ImportedSpeaker("csv:speaker:2", "A. Lovelace", "ADA@example.org")], [], []);

        var plan = ImportPlanner.Plan(program, draft);

        Assert.Equal(ImportAction.Update, plan.Speakers[0].Action);
        Assert.Equal(ImportAction.Rejected, plan.Speakers[1].Action);
        Assert.Contains("already matches", plan.Speakers[1].Reason);
    }

    [Fact]
    public void Invalid_email_is_rejected()
    {
        var program = new ImportedProgram(null, [], [new ImportedSpeaker("csv:speaker:1", "Ada", "not-an-address")], [], []);

        var row = Assert.Single(ImportPlanner.Plan(program, EmptyDraft()).Speakers);

        Assert.Equal(ImportAction.Rejected, row.Action);
        Assert.Contains("not-an-address", row.Reason);
    }

    [Fact]
    public void Duplicate_speaker_id_keeps_first()
    {
        var program = new ImportedProgram(Zone, [Hall], [Ada, Ada with { Name = "Augusta Ada King" }],
            [Talk("a", new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2)))], []);

        var plan = ImportPlanner.Plan(program, EmptyDraft());

        Assert.Equal(ImportAction.Create, plan.Speakers[0].Action);
        Assert.Equal(ImportAction.Rejected, plan.Speakers[1].Action);
        Assert.Contains("appears more than once", plan.Speakers[1].Reason);
        Assert.Equal(ImportAction.Create, Assert.Single(plan.Talks).Action);
    }

    [Fact]
    public void Events_sharing_a_time_share_a_slot()
    {
        var draft = EmptyDraft() with
        {
            Slots =
            [
                new DraftSlot(2, new DateTime(2026, 10, 24, 9, 0, 0), new DateTime(2026, 10, 24, 9, 30, 0)),
                new DraftSlot(3, new DateTime(2026, 10, 24, 9, 0, 0), new DateTime(2026, 10, 24, 9, 30, 0)),
            ],
        };
        var start = new DateTimeOffset(2026, 10, 24, 9, 0, 0, TimeSpan.FromHours(2));

        var plan = ImportPlanner.Plan(Program(Talk("a", start), Talk("b", start), Talk("c", start, minutes: 45)), draft);

        Assert.Equal(2, plan.Slots.Count);
        Assert.Equal(ImportAction.Unchanged, plan.Slots[0].Action);
        Assert.Equal(2, plan.Slots[0].ExistingId);
        Assert.Equal(ImportAction.Create, plan.Slots[1].Action);
        Assert.Equal(plan.Slots[0].Key, plan.Sessions[0].Values!.SlotKey);
        Assert.Equal(plan.Slots[0].Key, plan.Sessions[1].Values!.SlotKey);
    }

    [Fact]
    public void Changed_bio_is_update()
    {
        var draft = EmptyDraft() with { Speakers = [new DraftSpeaker(3, "sessionize:speaker:1", "Ada", Bio: "Old bio.")] };
        var program = new ImportedProgram(null, [], [new ImportedSpeaker("sessionize:speaker:1", "Ada", null, Bio: "New\r\nbio.")], [], []);

        var row = Assert.Single(ImportPlanner.Plan(program, draft).Speakers);

        Assert.Equal(ImportAction.Update, row.Action);
        var change = Assert.Single(row.Changes);
        Assert.Equal(("Bio", "Old bio.", "New\nbio."), (change.Field, change.Old, change.New));
    }

    [Fact]
    public void Missing_bio_keeps_draft()
    {
        var draft = EmptyDraft() with { Speakers = [new DraftSpeaker(3, "sessionize:speaker:1", "Ada", Bio: "Old bio.")] };
        var program = new ImportedProgram(null, [], [new ImportedSpeaker("sessionize:speaker:1", "Ada", null)], [], []);

        var row = Assert.Single(ImportPlanner.Plan(program, draft).Speakers);

        Assert.Equal(ImportAction.Unchanged, row.Action);
    }

    [Fact]
    public void Parser_notes_reach_plan()
    {
        var program = new ImportedProgram(null, [], [], [], [], ["Times were read in Europe/Berlin."]);

        var plan = ImportPlanner.Plan(program, EmptyDraft());

        Assert.Equal(["Times were read in Europe/Berlin."], plan.Notes);
    }
}
