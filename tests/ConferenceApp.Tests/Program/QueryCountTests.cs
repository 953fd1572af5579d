using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Import;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConferenceApp.Tests.Program;

/// <summary>
/// The public read path costs the same few SQL commands whatever the program's size. The demo
/// conference (a dozen items) and the generated large one (800 events, 1,000 speakers) send the
/// same number for the program, the speaker list, a speaker page and a talk page.
/// </summary>
public sealed class QueryCountTests(ITestOutputHelper output)
{
    private const string LargeSlug = "large";

    [Fact]
    public async Task Page_queries_do_not_grow_with_program()
    {
        var counter = new CommandCounter();
        await using var app = new AppFactory { TestServices = services => services.AddSingleton<IInterceptor>(counter) };
        var (speaker, talk) = await ImportLargeAsync(app);
        await app.PublishAsync(LargeSlug);
        var client = app.CreateClient();

        foreach (var (small, large) in new[]
        {
            ($"/{DemoConference.Slug}/program", $"/{LargeSlug}/program"),
            ($"/{DemoConference.Slug}/speakers/nitzan-gado", $"/{LargeSlug}/speakers/{speaker}"),
            ($"/{DemoConference.Slug}/talks/{await AnyTalkAsync(app, DemoConference.Slug)}", $"/{LargeSlug}/talks/{talk}"),
            ($"/{DemoConference.Slug}/speakers", $"/{LargeSlug}/speakers"),
            ($"/{DemoConference.Slug}/agenda?items={await AgendaItemsAsync(app, DemoConference.Slug)}", $"/{LargeSlug}/agenda?items={await AgendaItemsAsync(app, LargeSlug)}"),
        })
        {
            var smallCounts = await CountAsync(counter, client, small);
            var largeCounts = await CountAsync(counter, client, large);
            output.WriteLine($"{small}: {smallCounts}; {large}: {largeCounts}");

            // A first request may also load the release's snapshot when the memory cache dropped it,
            // so only the later requests must match exactly.
            Assert.Equal(smallCounts.Later, largeCounts.Later);
            Assert.InRange(largeCounts.Later, 1, 2);
            Assert.InRange(smallCounts.First, 1, 3);
            Assert.InRange(largeCounts.First, 1, 3);
        }
    }

    /// <summary>
    /// Counts the commands of two requests of one page. The first request of a conference also
    /// loads the release's snapshot, later ones find it in memory. A new value of "page", a query
    /// parameter that the output cache keeps apart and these pages ignore, makes each request a miss.
    /// </summary>
    private static async Task<(int First, int Later)> CountAsync(CommandCounter counter, HttpClient client, string url)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var first = await counter.CountAsync(() => GetOkAsync(client, url + separator + "page=1"));
        var later = await counter.CountAsync(() => GetOkAsync(client, url + separator + "page=2"));
        if (later > 2)
        {
            throw new Xunit.Sdk.XunitException($"{url} sent {later} commands on a later request:{Environment.NewLine}{string.Join(Environment.NewLine, counter.LastCommands)}");
        }

        return (first, later);
    }

    private static async Task GetOkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    // Returns every talk of the conference as the items of an agenda link, up to 500.
    private static async Task<string> AgendaItemsAsync(AppFactory app, string conference)
    {
        await using var scope = app.OpenDb();
        var id = await scope.Db.Conferences.Where(c => c.Slug == conference).Select(c => c.Id).SingleAsync();
        var talks = await scope.Db.Talks.Where(t => t.ConferenceId == id).OrderBy(t => t.Id).Select(t => t.Id).Take(500).ToListAsync();
        return string.Join(',', talks.Select(talkId => $"talk-{talkId}"));
    }

    private static async Task<string> AnyTalkAsync(AppFactory app, string conference)
    {
        await using var scope = app.OpenDb();
        var id = await scope.Db.Conferences.Where(c => c.Slug == conference).Select(c => c.Id).SingleAsync();
        return await scope.Db.Talks.Where(t => t.ConferenceId == id && t.SessionId != null).OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync();
    }

    /// <summary>Imports the generated large conference as a new conference and returns the slugs of one speaker and one talk.</summary>
    private static async Task<(string Speaker, string Talk)> ImportLargeAsync(AppFactory app)
    {
        var generated = new LargeConferenceGenerator().Generate(LargeConferenceSize.Standard);
        await using var scope = app.OpenDb();
        var conference = Conference.Create(new ConferenceDetails(
            LargeSlug, "Large conference", null, generated.TimeZoneId, generated.StartDate, generated.EndDate));
        scope.Db.Conferences.Add(conference);
        await scope.Db.SaveChangesAsync();

        using var content = new MemoryStream(generated.Xml, writable: false);
        var program = FrabXmlParser.Parse(content, generated.TimeZoneId);
        var draft = await new ImportDraftReader(scope.Db).ReadAsync(conference.Id, CancellationToken.None);
        var failure = await new ImportApplier(scope.Db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ImportApplier>.Instance).ApplyAsync(conference.Id, ImportPlanner.Plan(program, draft!), CancellationToken.None);
        Assert.Null(failure);

        var speaker = await scope.Db.Speakers.Where(s => s.ConferenceId == conference.Id).OrderBy(s => s.Id).Select(s => s.Slug).FirstAsync();
        var talk = await scope.Db.Talks.Where(t => t.ConferenceId == conference.Id).OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync();
        return (speaker!, talk);
    }
}
