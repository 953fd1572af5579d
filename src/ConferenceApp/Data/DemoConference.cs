using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Data;

/// <summary>
/// The demo conference: the planned agenda of WiDS TLV 2023 (Women in Data Science, Tel Aviv),
/// a one-day technical conference, transcribed from its published program page.
/// </summary>
/// <remarks>
/// The published page gives the start times, titles and people of the agenda, and one speaker's
/// headline, bio and abstract. It gives no date, venue, rooms or end times. End times follow
/// from the next item's start and the day's announced end (15:40). Every other value that the
/// page does not give carries a sample-data note, which the public pages show.
/// </remarks>
public static class DemoConference
{
    public const string Slug = "wids-tlv-2023";

    // An arbitrary key of the PostgreSQL advisory lock that serializes loading the demo.
    private const long DemoLoadLockKey = 0x44656D6F4C6F6164;

    /// <summary>Loads the demo conference when the database contains no conference at all. Returns true when it loaded it.</summary>
    public static async Task<bool> LoadIfEmptyAsync(ConferenceDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Instances that start together on an empty database would otherwise all load it.
        await DatabaseLocks.LockForWritingAsync(db, DemoLoadLockKey, cancellationToken);
        if (await db.Conferences.AnyAsync(cancellationToken))
        {
            return false;
        }

        var conference = Conference.Create(new ConferenceDetails(
            Slug,
            "WiDS TLV 2023",
            "Tel Aviv",
            "Asia/Jerusalem",
            Day,
            Day,
            "Sample values: the date and the room, which the published program does not give. The venue names only the city."));
        db.Conferences.Add(conference);
        await db.SaveChangesAsync(cancellationToken);

        var hall = Room.Create(conference.Id, "Main hall", 0);
        hall.MarkSample("Sample value: the published program names no rooms.");
        db.Rooms.Add(hall);

        var slots = Agenda.Select(item => TimeSlot.Create(conference, At(item.Start), At(item.End))).ToList();
        db.TimeSlots.AddRange(slots);

        var speakers = People.ToDictionary(p => p.Slug!, p => Speaker.Create(conference.Id, p));
        db.Speakers.AddRange(speakers.Values);
        await db.SaveChangesAsync(cancellationToken);

        var sessions = new List<Session>();
        for (var index = 0; index < Agenda.Length; index++)
        {
            var item = Agenda[index];
            var session = Session.Create(conference.Id, item.Title, item.Kind, item.Description);
            session.PlaceIn(slots[index], item.InMainHall ? hall : null);
            db.Sessions.Add(session);
            sessions.Add(session);
        }

        await db.SaveChangesAsync(cancellationToken);

        var opening = sessions[Array.FindIndex(Agenda, a => a.Kind == SessionKind.Opening)];
        opening.SetPeople(
        [
            new PersonAssignment(speakers["nitzan-gado"], "WiDS TLV ambassador"),
            new PersonAssignment(speakers["lily-ben-ami"], "CEO of the Michal Sela Forum"),
        ]);

        foreach (var demoTalk in Talks)
        {
            var talk = Talk.Create(conference.Id, demoTalk.Slug, demoTalk.Title, demoTalk.Abstract);
            talk.MarkSample(demoTalk.SampleNote);
            talk.PlaceIn(sessions[Array.FindIndex(Agenda, a => a.Start == demoTalk.SessionStart)], 0);
            talk.SetSpeakers([new PersonAssignment(speakers[demoTalk.SpeakerSlug], null)]);
            db.Talks.Add(talk);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // Sample value: the published program gives no date.
    private static readonly DateOnly Day = new(2023, 3, 9);

    private static DateTime At(string time) => Day.ToDateTime(TimeOnly.ParseExact(time, "HH:mm"));

    private sealed record AgendaItem(string Start, string End, string? Title, SessionKind Kind, bool InMainHall, string? Description = null);

    // Each item ends where the next one starts; the last ends at 15:40, which the page lists as "End".
    // A null title marks a single-talk item, shown under its talk's title.
    private static readonly AgendaItem[] Agenda =
    [
        new("08:45", "09:30", "Reception", SessionKind.Reception, false),
        new("09:30", "09:50", "Opening words", SessionKind.Opening, true),
        new("09:50", "10:20", null, SessionKind.Talk, true),
        new("10:20", "10:50", null, SessionKind.Talk, true),
        new("10:50", "11:00", "Break", SessionKind.Break, false),
        new("11:00", "12:20", "Lightning talks", SessionKind.TalkBlock, true, "Several short talks, one after another."),
        new("12:20", "13:20", "Lunch & poster session", SessionKind.Meal, false),
        new("13:20", "14:05", "Roundtable session & poster session", SessionKind.Roundtable, false),
        new("14:05", "14:20", "Roundtable closure", SessionKind.Roundtable, true),
        new("14:20", "14:30", "Break", SessionKind.Break, false),
        new("14:30", "14:50", null, SessionKind.Talk, true),
        new("14:50", "15:10", null, SessionKind.Talk, true),
        new("15:10", "15:30", null, SessionKind.Talk, true),
        new("15:30", "15:40", "Closing remarks", SessionKind.Closing, true),
    ];

    private static readonly SpeakerDetails[] People =
    [
        new("nitzan-gado", "Nitzan Gado", null, null),
        new("lily-ben-ami", "Lily Ben Ami", null, null),
        new("bracha-shapira", "Prof. Bracha Shapira", null, null),
        new("juan-liu", "Juan Liu", null, null),
        new("almog-gueta", "Almog Gueta", "MSc Data Science student at the Technion",
            "Almog Gueta is an MSc student in Data Science and Engineering at the Technion. Her research focus is on Computational Social Science in the field of NLP, under the supervision of Professor Roi Reichart. She recently completed an internship with IBM Research in the Debating Technology group. In addition to her studies, Almog is a lecturer for the Data Science courses at the Technion Continuing Education Unit."),
        new("merav-mofaz", "Merav Mofaz", null, null),
        new("reut-yaniv", "Reut Yaniv", null, null),
        new("rachel-wities", "Rachel Wities", null, null),
    ];

    private sealed record DemoTalk(string Slug, string Title, string SpeakerSlug, string SessionStart, string? Abstract = null, string? SampleNote = null);

    private static readonly DemoTalk[] Talks =
    [
        new("data-challenges-in-recommender-systems-research",
            "Data Challenges in Recommender Systems Research: Insights from Bundle Recommendation",
            "bracha-shapira", "09:50"),
        new("accounting-automation",
            "Accounting Automation: Making Accounting Easier So That People Can Forget About It",
            "juan-liu", "10:20"),
        new("knowledge-is-a-region-in-weight-space",
            "Knowledge is a Region in Weight Space for Fine-tuned Language Models",
            "almog-gueta", "11:00",
            """
            Neural networks research has largely focused on understanding a single model or training on a single dataset. However, little is known about the characteristics and relationships between different models, especially those trained or tested on different datasets. To address this gap, this talk delves into the weight and loss spaces and how they are interconnected through the mapping between models’ weights and performance.

            Different fine-tuned language models based on their weights and performance were compared, with the result being that models trained in similar ways have similar weights, which fall in the same region of the weight space. Therefore, models trained on the same dataset form a tight cluster, and models trained on the same task form larger clusters.

            The inverse is also shown: weights in certain regions represent models with high performance. Therefore, it is possible to traverse from one model to another in the same region and reach new models that perform comparably or even better, even on tasks that the original models were not fine-tuned for.

            The findings provide insight into the relationships between models, showing that a model located between two similar models can gain the knowledge of both. This finding can improve efficient fine-tuning by choosing a model from the center of a region.
            """,
            "Sample values: the published program gives this talk no title and no time. The title is that of the paper the abstract matches (Gueta et al., 2023), and the place in the lightning talks is the demo's choice."),
        new("the-sensitive-side-of-smartwatches",
            "“Every Breath You Take and Every Move You Make…I'll Be Watching You:” The Sensitive Side of Smartwatches",
            "merav-mofaz", "14:30"),
        new("ad-serving-in-the-online-geo-space-along-routes",
            "Ad Serving in the Online Geo Space Along Routes",
            "reut-yaniv", "14:50"),
        new("challenges-and-opportunities-in-healthcare-nlp",
            "It’s Not Just the Doctor’s Handwriting: Challenges and Opportunities in Healthcare NLP",
            "rachel-wities", "15:10"),
    ];
}
