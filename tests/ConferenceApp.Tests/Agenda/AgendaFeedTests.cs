using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Interop.Calendar;
using ConferenceApp.Tests.Interop;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Agenda;

/// <summary>The private calendar feeds of starred items: created, replaced, read and stopped through the app's endpoints.</summary>
[Collection(IcalNetResolverGroup.Name)]
public sealed class AgendaFeedTests : IDisposable
{
    private const string Conference = DemoConference.Slug;

    // Without Site:PublicUrl, UIDs use the fallback host.
    private const string Host = "localhost";

    private readonly AppFactory _app = new();
    private readonly HttpClient _client;

    public AgendaFeedTests()
    {
        _client = _app.CreateBrowserlessClient();
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Create_returns_token_and_addresses()
    {
        var talks = await ScheduledTalksAsync(2);

        using var response = await PostAsync(Keys(talks));
        var created = await ReadCreatedAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.True(PersonalAgenda.IsWellFormedToken(created.Token), $"The token \"{created.Token}\" is not 43 base64url characters.");
        Assert.Equal($"http://localhost/{Conference}/agenda/{created.Token}.ics", created.FeedUrl);
        Assert.Equal($"webcal://localhost/{Conference}/agenda/{created.Token}.ics", created.WebcalUrl);
        Assert.Equal(new Uri(created.FeedUrl), response.Headers.Location);
    }

    [Fact]
    public async Task Database_stores_hash_not_token()
    {
        var talks = await ScheduledTalksAsync(2);

        var created = await CreateAsync(Keys(talks));

        await using var scope = _app.OpenDb();
        var row = await scope.Db.PersonalAgendas.SingleAsync();
        Assert.Equal(PersonalAgenda.HashToken(created.Token), row.TokenHash);
        Assert.DoesNotContain(created.Token, row.TokenHash, StringComparison.Ordinal);
        Assert.Equal(string.Join(',', Keys(talks)), row.ItemKeys);
        Assert.Equal(DateTimeKind.Utc, row.CreatedAtUtc.Kind);
        Assert.False(await scope.Db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PersonalAgenda)), "A personal agenda was audited.");
    }

    [Fact]
    public async Task Tokens_differ_for_same_list()
    {
        var talks = await ScheduledTalksAsync(1);

        var tokens = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 20; i++)
        {
            tokens.Add((await CreateAsync(Keys(talks))).Token);
        }

        Assert.Equal(20, tokens.Count);
    }

    [Fact]
    public async Task Feed_has_starred_items_at_right_instants()
    {
        var talks = await ScheduledTalksAsync(3);
        var created = await CreateAsync(Keys(talks));

        using var response = await _client.GetAsync(new Uri(created.FeedUrl));
        var ics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CalendarController.ContentType, response.Content.Headers.ContentType!.ToString());
        Assert.True(response.Headers.CacheControl!.Private, "The feed is not marked private.");
        Assert.True(response.Headers.CacheControl.NoCache, "The feed may be reused without asking again.");
        var expected = await ExpectedTimesAsync();
        var times = IcalNetReader.TimesFromTzdb(ics);
        Assert.Equal(talks.Select(t => $"talk-{t}@{Host}").Order(), times.Keys.Order());
        foreach (var (uid, time) in times)
        {
            Assert.Equal(expected[uid], time);
        }

        Assert.Equal(times, IcalNetReader.TimesFromVTimeZone(ics));
    }

    [Fact]
    public async Task Feed_uses_export_uids()
    {
        var talks = await ScheduledTalksAsync(1);
        var created = await CreateAsync(Keys(talks));

        var feed = IcalNetReader.Load(await _client.GetStringAsync(new Uri(created.FeedUrl)));
        var schedule = IcalNetReader.Load(await _client.GetStringAsync($"/{Conference}/schedule.ics"));

        var only = Assert.Single(feed.Events);
        var same = Assert.Single(schedule.Events, e => e.Uid == only.Uid);
        Assert.Equal(same.Summary, only.Summary);
        Assert.Equal(same.Sequence, only.Sequence);
        Assert.Equal(same.Description, only.Description);
    }

    [Fact]
    public async Task Feed_follows_replaced_list()
    {
        var talks = await ScheduledTalksAsync(3);
        var created = await CreateAsync(Keys(talks.Take(1)));
        using var first = await _client.GetAsync(new Uri(created.FeedUrl));

        using var put = await PutAsync(created.Token, Keys(talks.Skip(1)));
        using var second = await _client.GetAsync(new Uri(created.FeedUrl));

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var uids = IcalNetReader.Load(await second.Content.ReadAsStringAsync()).Events.Select(e => e.Uid).Order();
        Assert.Equal(talks.Skip(1).Select(t => $"talk-{t}@{Host}").Order(), uids);
        Assert.NotEqual(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task Feed_follows_new_release()
    {
        var talkId = (await ScheduledTalksAsync(1))[0];
        var created = await CreateAsync([$"talk-{talkId}"]);
        var before = IcalNetReader.TimesFromTzdb(await _client.GetStringAsync(new Uri(created.FeedUrl)));

        var newStart = await MoveTalkSessionAsync(talkId);
        var unpublished = IcalNetReader.TimesFromTzdb(await _client.GetStringAsync(new Uri(created.FeedUrl)));
        await _app.PublishAsync();
        var after = IcalNetReader.TimesFromTzdb(await _client.GetStringAsync(new Uri(created.FeedUrl)));

        var uid = $"talk-{talkId}@{Host}";
        Assert.Equal(before[uid], unpublished[uid]);
        Assert.Equal(newStart.UtcDateTime, after[uid].Start);
        Assert.NotEqual(before[uid].Start, after[uid].Start);
    }

    [Fact]
    public async Task Session_key_of_single_talk_selects_talk()
    {
        await using var scope = _app.OpenDb();
        var talk = await scope.Db.Talks.Where(t => t.SessionId != null && scope.Db.Sessions.Any(s => s.Id == t.SessionId && s.Title == null && s.TimeSlotId != null)
                && scope.Db.Talks.Count(other => other.SessionId == t.SessionId) == 1)
            .Select(t => new { t.Id, SessionId = t.SessionId!.Value })
            .FirstAsync();

        var created = await CreateAsync([$"session-{talk.SessionId}"]);
        var feed = IcalNetReader.Load(await _client.GetStringAsync(new Uri(created.FeedUrl)));

        Assert.Equal($"talk-{talk.Id}@{Host}", Assert.Single(feed.Events).Uid);
    }

    [Fact]
    public async Task Matching_etag_gets_304()
    {
        var created = await CreateAsync(Keys(await ScheduledTalksAsync(1)));
        using var first = await _client.GetAsync(new Uri(created.FeedUrl));

        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(created.FeedUrl));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Delete_stops_feed()
    {
        var created = await CreateAsync(Keys(await ScheduledTalksAsync(1)));

        using var delete = await _client.DeleteAsync($"/{Conference}/agenda/feeds/{created.Token}");
        using var feed = await _client.GetAsync(new Uri(created.FeedUrl));
        using var put = await PutAsync(created.Token, []);
        using var again = await _client.DeleteAsync($"/{Conference}/agenda/feeds/{created.Token}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        await AssertProblemAsync(put, HttpStatusCode.NotFound);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
        await using var scope = _app.OpenDb();
        Assert.False(await scope.Db.PersonalAgendas.AnyAsync());
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-token")]
    [InlineData("%3Cscript%3E")]
    public async Task Unknown_token_is_not_found(string token)
    {
        await CreateAsync(Keys(await ScheduledTalksAsync(1)));

        using var feed = await _client.GetAsync($"/{Conference}/agenda/{token}.ics");
        using var put = await PutAsync(token, ["talk-1"]);
        using var delete = await _client.DeleteAsync($"/{Conference}/agenda/feeds/{token}");

        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        await AssertProblemAsync(put, HttpStatusCode.NotFound);
        await AssertProblemAsync(delete, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_of_other_conference_is_not_found()
    {
        var created = await CreateAsync(Keys(await ScheduledTalksAsync(1)));
        await using (var scope = _app.OpenDb())
        {
            var other = ConferenceApp.Domain.Conference.Create(new ConferenceDetails("other", "Other conference", null, "Europe/Berlin", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 2)));
            scope.Db.Conferences.Add(other);
            await scope.Db.SaveChangesAsync();
        }

        using var feed = await _client.GetAsync($"/other/agenda/{created.Token}.ics");
        using var delete = await _client.DeleteAsync($"/other/agenda/feeds/{created.Token}");

        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        await AssertProblemAsync(delete, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("text/plain", "{\"items\": [\"talk-1\"]}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", "items=talk-1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "null", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[\"talk-1\"]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"items\": \"talk-1\"}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"other\": []}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"items\": [\"talk-1\", 2]}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"items\": [\"talk-1\", \"<script>alert(1)</script>\"]}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"items\": [\"talk-1\", \"talk-1\\u0000\"]}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"items\": [[[[[[\"talk-1\"]]]]]]}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"items\": [\"talk-1\"", HttpStatusCode.BadRequest)]
    public async Task Hostile_body_gets_problem(string contentType, string body, HttpStatusCode expected)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await _client.PostAsync($"/{Conference}/agenda/feeds", content);

        await AssertProblemAsync(response, expected);
        await AssertNoAgendaAsync();
    }

    [Fact]
    public async Task Bad_keys_are_named()
    {
        using var response = await PostAsync(["talk-1", "talk-x", "session-0"]);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("\"talk-x\"", errors[0], StringComparison.Ordinal);
        Assert.Contains("\"session-0\"", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_keys_are_rejected()
    {
        var max = await MaxCountAsync();

        using var response = await PostAsync([.. Enumerable.Range(1, max + 1).Select(i => $"talk-{i}")]);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"at most {max} are allowed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNoAgendaAsync();
    }

    [Fact]
    public async Task Max_keys_are_accepted()
    {
        var max = await MaxCountAsync();

        using var response = await PostAsync([.. Enumerable.Range(1, max).Select(i => $"talk-{i}")]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Large_body_is_rejected()
    {
        var body = "{\"items\": [" + string.Join(',', Enumerable.Repeat("\"talk-1\"", 10_000)) + "]}";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await _client.PostAsync($"/{Conference}/agenda/feeds", content);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertNoAgendaAsync();
    }

    [Fact]
    public async Task Replace_rejects_bad_keys_and_keeps_list()
    {
        var talks = await ScheduledTalksAsync(1);
        var created = await CreateAsync(Keys(talks));

        using var put = await PutAsync(created.Token, ["talk-1", "bogus"]);

        await AssertProblemAsync(put, HttpStatusCode.BadRequest);
        await using var scope = _app.OpenDb();
        Assert.Equal($"talk-{talks[0]}", (await scope.Db.PersonalAgendas.SingleAsync()).ItemKeys);
    }

    [Fact]
    public async Task Unknown_conference_is_not_found()
    {
        using var post = await PostAsync(["talk-1"], conference: "no-such-conference");

        await AssertProblemAsync(post, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unpublished_conference_is_conflict()
    {
        await using (var scope = _app.OpenDb())
        {
            scope.Db.Conferences.Add(ConferenceApp.Domain.Conference.Create(new ConferenceDetails("draft-only", "Draft only", null, "Europe/Berlin", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 2))));
            await scope.Db.SaveChangesAsync();
        }

        using var post = await PostAsync(["talk-1"], conference: "draft-only");

        await AssertProblemAsync(post, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Star_changes_keep_public_cache()
    {
        var created = await CreateAsync(Keys(await ScheduledTalksAsync(1)));
        using var first = await _client.GetAsync($"/{Conference}/program");

        using var put = await PutAsync(created.Token, []);
        using var second = await _client.GetAsync($"/{Conference}/program");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.True(second.Headers.Age is not null, "The program page was rendered again after a star change, so the change evicted the cache.");
    }

    [Fact]
    public async Task Token_is_never_logged()
    {
        var talks = await ScheduledTalksAsync(2);

        var created = await CreateAsync(Keys(talks));
        await PutAsync(created.Token, Keys(talks.Take(1)));
        await PutAsync(created.Token, ["bogus"]);
        await _client.GetStringAsync(new Uri(created.FeedUrl));
        await _client.DeleteAsync($"/{Conference}/agenda/feeds/{created.Token}");
        await _client.GetAsync(new Uri(created.FeedUrl));

        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Created personal agenda feed", StringComparison.Ordinal));
        Assert.Equal(2, entry.Values["ItemCount"]);
        Assert.Equal(1, entry.Values["FeedCount"]);
        foreach (var record in _app.Logs.Records)
        {
            var texts = record.Values.Values.Concat(record.ScopeValues.Values).Select(v => v?.ToString() ?? "").Append(record.Message);
            Assert.False(texts.Any(t => t.Contains(created.Token, StringComparison.Ordinal)), $"The entry \"{record.Message}\" of {record.Category} contains the token.");
        }
    }

    [Fact]
    public async Task Creation_is_rate_limited()
    {
        using var app = new AppFactory { Settings = new() { ["RateLimits:AgendaFeedPerClient:PermitLimit"] = "2" } };
        var client = app.CreateBrowserlessClient();

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.PostAsJsonAsync($"/{Conference}/agenda/feeds", OneItem);
            Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
        }

        using var rejected = await client.PostAsJsonAsync($"/{Conference}/agenda/feeds", OneItem);

        var problem = await AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests);
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is not null, "The 429 response has no Retry-After in seconds.");
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains("Too many calendar feeds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limit_problem_is_hebrew()
    {
        using var app = new AppFactory
        {
            Settings = new() { ["RateLimits:AgendaFeedPerClient:PermitLimit"] = "1", ["Localization:SupportedCultures"] = "en,he" },
        };
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("he");
        using var allowed = await client.PostAsJsonAsync($"/{Conference}/agenda/feeds", OneItem);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);

        using var rejected = await client.PostAsJsonAsync($"/{Conference}/agenda/feeds", OneItem);

        var problem = await AssertProblemAsync(rejected, HttpStatusCode.TooManyRequests);
        Assert.Equal("יותר מדי בקשות", problem.GetProperty("title").GetString());
    }

    private static readonly object OneItem = new { items = new[] { "talk-1" } };

    private static List<string> Keys(IEnumerable<int> talkIds) => [.. talkIds.Select(id => $"talk-{id}")];

    private async Task<CreatedFeedBody> CreateAsync(IReadOnlyList<string> keys)
    {
        using var response = await PostAsync(keys);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadCreatedAsync(response);
    }

    private Task<HttpResponseMessage> PostAsync(IReadOnlyList<string> keys, string conference = Conference) =>
        _client.PostAsJsonAsync($"/{conference}/agenda/feeds", new { items = keys });

    private Task<HttpResponseMessage> PutAsync(string token, IReadOnlyList<string> keys) =>
        _client.PutAsJsonAsync($"/{Conference}/agenda/feeds/{token}", new { items = keys });

    private static async Task<CreatedFeedBody> ReadCreatedAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<CreatedFeedBody>(JsonSerializerOptions.Web))!;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("detail").GetString()), "The problem has no detail.");
        return json.RootElement.Clone();
    }

    private async Task AssertNoAgendaAsync()
    {
        await using var scope = _app.OpenDb();
        Assert.False(await scope.Db.PersonalAgendas.AnyAsync(), "A rejected request stored an agenda.");
    }

    private async Task<List<int>> ScheduledTalksAsync(int count)
    {
        await using var scope = _app.OpenDb();
        return await scope.Db.Talks
            .Where(t => t.SessionId != null && scope.Db.Sessions.Any(s => s.Id == t.SessionId && s.TimeSlotId != null))
            .OrderBy(t => t.Id)
            .Select(t => t.Id)
            .Take(count)
            .ToListAsync();
    }

    private async Task<int> MaxCountAsync()
    {
        await using var scope = _app.OpenDb();
        var json = await scope.Db.Releases.OrderByDescending(r => r.Id).Select(r => r.Snapshot).FirstAsync();
        var snapshot = ProgramSnapshot.FromJson(json);
        return AgendaItemList.MaxCount(snapshot.Talks.Count + snapshot.Sessions.Count);
    }

    private async Task<Dictionary<string, UtcTimes>> ExpectedTimesAsync()
    {
        await using var scope = _app.OpenDb();
        var conference = await scope.Db.Conferences.SingleAsync(c => c.Slug == Conference);
        var json = await scope.Db.Releases.Where(r => r.ConferenceId == conference.Id).OrderByDescending(r => r.Id).Select(r => r.Snapshot).FirstAsync();
        var clock = new ConferenceClock(conference.TimeZoneId);

        return ProgramSnapshot.FromJson(json).ToReleasedItems().ToDictionary(
            item => $"{item.Key.Replace(':', '-')}@{Host}",
            item => new UtcTimes(clock.ToInstant(item.Placement!.Start).UtcDateTime, clock.ToInstant(item.Placement.End).UtcDateTime));
    }

    // Moves the talk's session to a new slot an hour after the conference's last slot ends, and returns its start as an instant.
    private async Task<DateTimeOffset> MoveTalkSessionAsync(int talkId)
    {
        await using var scope = _app.OpenDb();
        var db = scope.Db;
        var talk = await db.Talks.SingleAsync(t => t.Id == talkId);
        var session = await db.Sessions.SingleAsync(s => s.Id == talk.SessionId);
        var conference = await db.Conferences.SingleAsync(c => c.Id == session.ConferenceId);
        var last = await db.TimeSlots.Where(s => s.ConferenceId == conference.Id).MaxAsync(s => s.End);
        var start = last.AddHours(1);

        var slot = TimeSlot.Create(conference, start, start.AddMinutes(30));
        db.TimeSlots.Add(slot);
        await db.SaveChangesAsync();
        session.PlaceIn(slot, null);
        await db.SaveChangesAsync();
        return new ConferenceClock(conference.TimeZoneId).ToInstant(start);
    }

    private sealed record CreatedFeedBody(string Token, string FeedUrl, string WebcalUrl);
}
