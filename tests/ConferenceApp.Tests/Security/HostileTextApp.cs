using System.Globalization;
using System.Net;
using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Security;

/// <summary>One hostile string and what it tries to break.</summary>
public sealed record HostileText(string Attack, string Text);

/// <summary>
/// One app with a conference whose every text field carries hostile strings: typed rows, a CSV
/// import, a speaker account, two releases with a moved talk (so the moved-talk email goes out)
/// and an invitation email.
/// </summary>
public sealed class HostileTextApp : IAsyncLifetime, IDisposable
{
    public const string Slug = "hostile";
    public const string SpeakerEmail = "hostile-speaker@example.org";
    private const string SpeakerPassword = "speaker password long enough";

    /// <summary>The hostile strings. Each row of each kind (room, session, talk, speaker) gets one.</summary>
    public static readonly IReadOnlyList<HostileText> Texts =
    [
        new("script element", "<script>alert('x1')</script>"),
        new("event handler", "<img src=x onerror=alert('x2')>"),
        new("double quote breaking out of an attribute", "\"><svg onload=alert('x3')>"),
        new("single quote breaking out of an attribute", "' autofocus onfocus='alert(4)' x='"),
        new("javascript: URL", "javascript:alert('x5')"),
        new("script end inside JSON", "</script><script>alert('x6')</script>"),
        new("CDATA end", "]]><evil>x7</evil><![CDATA["),
        new("CRLF into headers and iCalendar lines", "Line one\r\nBcc: evil@example.org\r\nATTENDEE:mailto:evil@example.org\r\nEND:VEVENT"),
        new("bidi override", "\u202Egnp.exe\u202C file"),
        new("null-ish", "null undefined NaN \0 None"),
        new("emoji", "\U0001F389\U0001F469\u200D\U0001F4BB \U0001F3F3\uFE0F\u200D\U0001F308"),
        new("HTML comment and entity", "<!-- x --> &lt;b&gt; &amp;"),
    ];

    /// <summary>Markdown with raw HTML and links that a bio or an abstract may contain.</summary>
    public const string HostileMarkdown =
        "[click](javascript:alert('m1')) <a href=\"javascript:alert('m2')\">raw link</a> ![image](javascript:alert('m3')) " +
        "<b onclick=\"alert('m4')\">bold</b> <iframe src=\"https://evil.example\"></iframe> [data](data:text/html;base64,PHNjcmlwdD4=) " +
        "<https://example.org/?a=1&b=\"2\"> **strong** [ok](https://example.org/page?x=1&y=2)";

    public AppFactory App { get; } = new() { LoadDemoData = false };

    public HttpClient Anonymous { get; private set; } = null!;

    public OrganizerBrowser Organizer { get; private set; } = null!;

    public HttpClient Speaker { get; private set; } = null!;

    /// <summary>The stored id of the import upload that is still waiting for confirmation.</summary>
    public Guid PendingImport { get; private set; }

    public async Task InitializeAsync()
    {
        Organizer = new OrganizerBrowser(await App.CreateOrganizerClientAsync());
        Anonymous = App.CreateBrowserlessClient();

        var (firstSpeaker, secondSpeaker, movedSession, spareSlot) = await CreateConferenceAsync();

        await ImportAsync(confirm: true, "imported");
        PendingImport = await ImportAsync(confirm: false, "pending");

        Speaker = await App.CreateSpeakerClientAsync(firstSpeaker, SpeakerEmail, SpeakerPassword);
        await Organizer.PublishAsync(Slug, comment: Postable(string.Join("\n", Texts.Select(t => t.Text))));

        await using (var scope = App.OpenDb())
        {
            var session = await scope.Db.Sessions.SingleAsync(s => s.Id == movedSession);
            var slot = await scope.Db.TimeSlots.SingleAsync(s => s.Id == spareSlot);
            var room = await scope.Db.Rooms.Where(r => r.ConferenceId == slot.ConferenceId).OrderBy(r => r.Id).FirstAsync();
            session.PlaceIn(slot, room);
            await scope.Db.SaveChangesAsync();
        }

        await Organizer.PublishAsync(Slug, comment: HostileMarkdown);
        await InviteAsync(secondSpeaker);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();

    /// <summary>Returns <paramref name="text"/> as the app stores it: without control characters and direction overrides, trimmed.</summary>
    public static string Stored(string text) => ConferenceApp.Domain.Text.Clean(text)!;

    // Each hostile string goes into one room, time slot, session, talk and speaker; the
    // conference's name and venue get a mix. Returns the ids that later steps need.
    private async Task<(int FirstSpeaker, int SecondSpeaker, int MovedSession, int SpareSlot)> CreateConferenceAsync()
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;

        var conference = Conference.Create(new ConferenceDetails(Slug, Truncate("Hostile " + Texts[0].Text + Texts[2].Text + Texts[7].Text + Texts[6].Text, ConferenceApp.Domain.Text.NameMaxLength),
            Truncate(Texts[1].Text + Texts[3].Text + Texts[8].Text, ConferenceApp.Domain.Text.NameMaxLength), "Europe/Berlin", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 2),
            SampleNote: Texts[5].Text));
        db.Conferences.Add(conference);
        await db.SaveChangesAsync();

        var rows = new List<(Room Room, TimeSlot Slot, ConferenceApp.Domain.Speaker Speaker)>();
        for (var i = 0; i < Texts.Count; i++)
        {
            var text = Texts[i].Text;
            var start = new DateTime(2026, 6, 1, 8, 0, 0).AddMinutes(45 * i);
            var room = Room.Create(conference.Id, $"R{Number(i)} {text}", i);
            var slot = TimeSlot.Create(conference, start, start.AddMinutes(40));
            var speaker = ConferenceApp.Domain.Speaker.Create(conference.Id, new SpeakerDetails($"p{Number(i)}", $"P{Number(i)} {text}", text, HostileMarkdown + "\n\n" + text));
            speaker.SetLinks(new SpeakerLinks("https://example.org/?a=1&b=2", null, "https://github.com/example", null, null));
            db.AddRange(room, slot, speaker);
            rows.Add((room, slot, speaker));
        }

        var spare = TimeSlot.Create(conference, new DateTime(2026, 6, 2, 18, 0, 0), new DateTime(2026, 6, 2, 19, 0, 0));
        db.Add(spare);
        await db.SaveChangesAsync();

        var sessions = new List<Session>();
        for (var i = 0; i < Texts.Count; i++)
        {
            var text = Texts[i].Text;
            var session = Session.Create(conference.Id, $"S{Number(i)} {text}", SessionKind.TalkBlock, HostileMarkdown + "\n\n" + text);
            session.PlaceIn(rows[i].Slot, rows[i].Room);
            session.SetTrackAndLanguage(Truncate($"K{Number(i)} {text}", ConferenceApp.Domain.Text.NameMaxLength), "he");
            db.Add(session);
            sessions.Add(session);
        }

        await db.SaveChangesAsync();

        for (var i = 0; i < Texts.Count; i++)
        {
            var text = Texts[i].Text;
            var talk = Talk.Create(conference.Id, $"t{Number(i)}", $"T{Number(i)} {text}", HostileMarkdown + "\n\n" + text + "\n\n" + new string('W', 15_000));
            talk.PlaceIn(sessions[i], 0);
            talk.SetSpeakers([new PersonAssignment(rows[i].Speaker, null)]);
            db.Add(talk);
        }

        await db.SaveChangesAsync();
        return (rows[0].Speaker.Id, rows[1].Speaker.Id, sessions[0].Id, spare.Id);
    }

    // Imports a CSV with one talk and speaker per hostile string, on the second day, and
    // confirms it or leaves it waiting. Returns the upload's id.
    private async Task<Guid> ImportAsync(bool confirm, string prefix)
    {
        var csv = new StringBuilder("talk_id,talk_title,abstract,date,start,end,room,speaker_id,speaker_name,speaker_headline\n");
        for (var i = 0; i < Texts.Count; i++)
        {
            var text = Postable(Texts[i].Text);
            var start = new TimeOnly(8, 0).AddMinutes(45 * i);
            string[] fields =
            [
                $"{prefix}-{Number(i)}", $"I{Number(i)} {text}", HostileMarkdown + "\n" + text, "2026-06-02",
                start.ToString("HH:mm", CultureInfo.InvariantCulture), start.AddMinutes(40).ToString("HH:mm", CultureInfo.InvariantCulture),
                $"Imported {Number(i)} {text}", $"{prefix}-speaker-{Number(i)}", $"IP{Number(i)} {text}", text,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append('\n');
        }

        var url = $"/organize/{Slug}/import";
        var token = AppFactory.AntiforgeryToken(await Organizer.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new StringContent("csv"), "format");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"{prefix}.csv");

        var preview = OrganizerBrowser.RedirectTarget(await Organizer.Client.PostAsync(new Uri(url, UriKind.Relative), form));
        if (confirm)
        {
            var confirmed = await Organizer.SubmitAsync(preview);
            Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, $"Confirming the import returned {(int)confirmed.StatusCode}.");
        }

        return Guid.Parse(preview[(preview.LastIndexOf('/') + 1)..]);
    }

    private async Task InviteAsync(int speakerId)
    {
        var response = await Organizer.PostAsync($"/organize/{Slug}/speakers/{Number(speakerId)}/invitations", new Dictionary<string, string>
        {
            ["email"] = "invited@example.org",
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(await Organizer.Client.GetStringAsync(new Uri($"/organize/{Slug}/speakers/{Number(speakerId)}/edit", UriKind.Relative))),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>
    /// Returns <paramref name="text"/> without NUL characters, which ASP.NET Core's form reader
    /// rejects with 400 before the app reads the form.
    /// </summary>
    public static string Postable(string text) => text.Replace("\0", "", StringComparison.Ordinal);

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
