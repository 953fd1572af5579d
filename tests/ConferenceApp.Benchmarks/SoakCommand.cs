using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ConferenceApp.Benchmarks;

/// <summary>The <c>soak</c> command's settings, parsed from <c>--name value</c> pairs.</summary>
public sealed record SoakSettings(
    Uri BaseUrl, int ProcessId, string Conference, string Email, string Password,
    TimeSpan Duration, TimeSpan WarmUp, TimeSpan SampleInterval, TimeSpan PublishInterval,
    int Readers, int Writers, double MaxGrowthPercent);

/// <summary>One reading of the app's resident memory, with the request counts up to that moment.</summary>
public sealed record MemorySample(TimeSpan At, long ResidentBytes, long Requests, long ServerErrors);

/// <summary>
/// The <c>soak</c> command: runs public reads and organizer writes against a running app for a
/// while, reads the app's resident memory (VmRSS in /proc/PID/status) at a fixed interval, and
/// fails when any response is a 5xx, when a request gets no response, or when memory grows.
/// scripts/soak starts the app and runs this command; see docs/benchmarks.md.
/// </summary>
/// <remarks>
/// Memory counts as grown when the median of the last third of the samples after the warm-up is
/// more than <see cref="SoakSettings.MaxGrowthPercent"/> above the median of the first third.
/// </remarks>
public static class SoakCommand
{
    public const string Name = "soak";

    private const string Usage =
        "Usage: soak --url URL --pid PID --conference SLUG --email EMAIL --password PASSWORD [--duration SECONDS] [--warm-up SECONDS] "
        + "[--interval SECONDS] [--publish-every SECONDS] [--readers N] [--writers N] [--max-growth PERCENT].";

    private static readonly HtmlParser Parser = new();

    /// <summary>Runs the soak and returns the process exit code: 0 when it passed, 1 when it failed, 2 for invalid arguments.</summary>
    public static async Task<int> RunAsync(string[] arguments)
    {
        SoakSettings settings;
        try
        {
            settings = Parse(arguments);
        }
        catch (FormatException exception)
        {
            await Console.Error.WriteLineAsync($"{exception.Message} {Usage}");
            return 2;
        }

        try
        {
            return await new SoakRun(settings).RunAsync() ? 0 : 1;
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync($"The soak could not start: {exception.Message}");
            return 1;
        }
    }

    /// <exception cref="FormatException">An argument is missing or invalid.</exception>
    public static SoakSettings Parse(string[] arguments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i += 2)
        {
            if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Length)
            {
                throw new FormatException($"Invalid argument \"{arguments[i]}\": expected --name value.");
            }

            values[arguments[i][2..]] = arguments[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"Missing --{name}.");

        int Number(string name, int fallback, int minimum)
        {
            if (!values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
                ? number
                : throw new FormatException($"Invalid --{name} \"{text}\": expected a whole number of at least {minimum}.");
        }

        if (!Uri.TryCreate(Required("url"), UriKind.Absolute, out var baseUrl))
        {
            throw new FormatException($"Invalid --url \"{values["url"]}\": expected an absolute address such as http://127.0.0.1:5191.");
        }

        var duration = TimeSpan.FromSeconds(Number("duration", 600, 10));
        return new SoakSettings(
            baseUrl,
            Number("pid", 0, 1) is > 0 and var pid ? pid : throw new FormatException("Missing --pid."),
            Required("conference"),
            Required("email"),
            Required("password"),
            duration,
            TimeSpan.FromSeconds(Number("warm-up", (int)Math.Max(10, duration.TotalSeconds / 10), 0)),
            TimeSpan.FromSeconds(Number("interval", 5, 1)),
            TimeSpan.FromSeconds(Number("publish-every", 0, 0)),
            Number("readers", 8, 0),
            Number("writers", 4, 0),
            Number("max-growth", 10, 0));
    }

    /// <summary>Returns the fields of the first form matching <paramref name="selector"/> as a browser would post them.</summary>
    internal static Dictionary<string, string> FormValues(string html, string selector)
    {
        var form = Parser.ParseDocument(html).QuerySelector(selector) ?? throw new InvalidOperationException($"The page has no form matching {selector}.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            // ASP.NET Core writes a hidden "false" after each checkbox, so a checked box comes first and wins.
            if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
            {
                values.TryAdd(input.Name!, input.Value);
            }
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        foreach (var textArea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            values[textArea.Name!] = textArea.Value;
        }

        return values;
    }

    /// <summary>Returns the distinct link targets on a page that start with <paramref name="prefix"/>.</summary>
    internal static List<string> Links(string html, string prefix) =>
        [.. Parser.ParseDocument(html).QuerySelectorAll<IHtmlAnchorElement>("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(href => href.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>Reads VmRSS from /proc/PID/status, in bytes.</summary>
    internal static long ResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }

    internal static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    internal static string Megabytes(double bytes) => (bytes / (1024 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>One soak: the readers, the writers, the memory sampler and the report.</summary>
internal sealed class SoakRun(SoakSettings settings)
{
    private readonly ConcurrentDictionary<int, long> _statusCounts = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly List<MemorySample> _samples = [];
    private readonly Stopwatch _clock = new();
    private long _requests;
    private long _serverErrors;

    private string Conference => settings.Conference;

    public async Task<bool> RunAsync()
    {
        var readUrls = await DiscoverReadUrlsAsync();
        var writers = new List<HttpClient>();
        for (var i = 0; i < settings.Writers; i++)
        {
            writers.Add(await SignInAsync());
        }

        Console.WriteLine($"soak: {settings.Readers} readers over {readUrls.Count} addresses and {settings.Writers} writers for {settings.Duration.TotalSeconds:0} s; "
            + $"memory every {settings.SampleInterval.TotalSeconds:0} s, the first {settings.WarmUp.TotalSeconds:0} s left out as warm-up.");
        Console.WriteLine("seconds | VmRSS | requests | 5xx");

        _clock.Start();
        var tasks = new List<Task>();
        tasks.AddRange(Enumerable.Range(0, settings.Readers).Select(i => Task.Run(() => ReadAsync(i, readUrls))));
        tasks.AddRange(writers.Select((client, i) => Task.Run(() => WriteAsync(client, i))));
        if (settings.PublishInterval > TimeSpan.Zero && writers.Count > 0)
        {
            tasks.Add(Task.Run(() => PublishAsync(writers[0])));
        }

        tasks.Add(Task.Run(SampleAsync));
        await Task.WhenAll(tasks);
        writers.ForEach(client => client.Dispose());

        return Report();
    }

    // Every public page type, export and API list of the conference, and a few talk and speaker pages.
    private async Task<List<string>> DiscoverReadUrlsAsync()
    {
        using var client = NewClient();
        List<string> urls =
        [
            $"/{Conference}/program", $"/{Conference}/speakers", $"/{Conference}/changes",
            $"/{Conference}/schedule.json", $"/{Conference}/schedule.xml", $"/{Conference}/schedule.ics",
            "/api/conferences", $"/api/conferences/{Conference}/talks",
        ];
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(settings.BaseUrl, url));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode} before the soak started; check --url and --conference.");
            }
        }

        var program = await client.GetStringAsync(new Uri(settings.BaseUrl, $"/{Conference}/program"));
        var speakers = await client.GetStringAsync(new Uri(settings.BaseUrl, $"/{Conference}/speakers"));
        urls.AddRange(SoakCommand.Links(program, $"/{Conference}/talks/").Take(20));
        urls.AddRange(SoakCommand.Links(speakers, $"/{Conference}/speakers/").Take(20));
        return urls;
    }

    private async Task ReadAsync(int reader, List<string> urls)
    {
        using var client = NewClient();
        for (var i = reader; _clock.Elapsed < settings.Duration; i++)
        {
            await SendAsync(client, HttpMethod.Get, urls[i % urls.Count], null, HttpStatusCode.OK);
        }
    }

    // Adds a room of its own, then renames it again and again; every tenth save adds another room.
    private async Task WriteAsync(HttpClient client, int writer)
    {
        var roomsUrl = $"/organize/{Conference}/rooms";
        var room = await SaveFormAsync(client, $"{roomsUrl}/new", $"Soak room {writer}", roomsUrl);
        var roomId = room is null ? null : await FindRoomIdAsync(client, $"Soak room {writer}");
        for (var attempt = 1; _clock.Elapsed < settings.Duration; attempt++)
        {
            if (roomId is null || attempt % 10 == 0)
            {
                await SaveFormAsync(client, $"{roomsUrl}/new", $"Soak room {writer}.{attempt}", roomsUrl);
            }
            else
            {
                await SaveFormAsync(client, $"{roomsUrl}/{roomId}/edit", $"Soak room {writer} rename {attempt}", roomsUrl);
            }
        }
    }

    private async Task PublishAsync(HttpClient client)
    {
        var url = $"/organize/{Conference}/releases/new";
        while (_clock.Elapsed + settings.PublishInterval < settings.Duration)
        {
            await Task.Delay(settings.PublishInterval);
            var form = await SendAsync(client, HttpMethod.Get, url, null, HttpStatusCode.OK);
            if (form is null)
            {
                continue;
            }

            var values = SoakCommand.FormValues(form, "form.organize-form");
            values["ConflictsConfirmed"] = "true";
            await SendAsync(client, HttpMethod.Post, url, values, HttpStatusCode.Redirect);
        }
    }

    private async Task SampleAsync()
    {
        while (_clock.Elapsed < settings.Duration)
        {
            var sample = new MemorySample(_clock.Elapsed, SoakCommand.ResidentBytes(settings.ProcessId), Interlocked.Read(ref _requests), Interlocked.Read(ref _serverErrors));
            _samples.Add(sample);
            Console.WriteLine($"{sample.At.TotalSeconds,7:0} | {SoakCommand.Megabytes(sample.ResidentBytes),6} | {sample.Requests,8} | {sample.ServerErrors}");
            await Task.Delay(settings.SampleInterval);
        }
    }

    // Posts the form at formUrl with Name set, and returns the redirect target, or null when the save failed.
    private async Task<string?> SaveFormAsync(HttpClient client, string formUrl, string name, string expectedRedirect)
    {
        var form = await SendAsync(client, HttpMethod.Get, formUrl, null, HttpStatusCode.OK);
        if (form is null)
        {
            return null;
        }

        var values = SoakCommand.FormValues(form, "form.organize-form");
        values["Name"] = name;
        var location = await SendAsync(client, HttpMethod.Post, formUrl, values, HttpStatusCode.Redirect);
        if (location is not null && location != expectedRedirect)
        {
            _failures.Enqueue($"POST {formUrl} redirected to {location}, not {expectedRedirect}.");
            return null;
        }

        return location;
    }

    private async Task<int?> FindRoomIdAsync(HttpClient client, string name)
    {
        var page = await SendAsync(client, HttpMethod.Get, $"/organize/{Conference}/rooms", null, HttpStatusCode.OK);
        var link = page is null
            ? null
            : new HtmlParser().ParseDocument(page).QuerySelectorAll<IHtmlAnchorElement>("a[href$='/edit']")
                .FirstOrDefault(a => a.Closest("tr")?.TextContent.Contains(name, StringComparison.Ordinal) == true);
        var parts = link?.GetAttribute("href")?.Split('/');
        return parts is { Length: > 2 } && int.TryParse(parts[^2], CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    // Sends one request and counts it. Returns the body of an expected 200, the Location of an
    // expected redirect, or null when the response was not the expected one.
    private async Task<string?> SendAsync(HttpClient client, HttpMethod method, string url, Dictionary<string, string>? form, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(settings.BaseUrl, url));
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        Interlocked.Increment(ref _requests);
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            _statusCounts.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
            if ((int)response.StatusCode >= 500)
            {
                Interlocked.Increment(ref _serverErrors);
            }

            if (response.StatusCode != expected)
            {
                _failures.Enqueue($"{method} {url} returned {(int)response.StatusCode}, expected {(int)expected}.");
                return null;
            }

            return expected == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString ?? "" : body;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _statusCounts.AddOrUpdate(0, 1, (_, count) => count + 1);
            _failures.Enqueue($"{method} {url} got no response: {exception.Message}");
            return null;
        }
    }

    private async Task<HttpClient> SignInAsync()
    {
        var client = NewClient();
        var login = await client.GetStringAsync(new Uri(settings.BaseUrl, "/Identity/Account/Login"));
        var values = SoakCommand.FormValues(login, "form");
        values["Input.Email"] = settings.Email;
        values["Input.Password"] = settings.Password;
        using var response = await client.PostAsync(new Uri(settings.BaseUrl, "/Identity/Account/Login"), new FormUrlEncodedContent(values));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {settings.Email} returned {(int)response.StatusCode}, not a redirect; check --email and --password.");
        }

        return client;
    }

    private static HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    // Prints the summary and returns true when the soak passed.
    private bool Report()
    {
        var measured = _samples.Where(s => s.At >= settings.WarmUp).ToList();
        var third = measured.Count / 3;
        var first = SoakCommand.Median(measured.Take(third).Select(s => s.ResidentBytes));
        var last = SoakCommand.Median(measured.Skip(measured.Count - third).Select(s => s.ResidentBytes));
        var growth = (last - first) / first * 100;
        var peak = _samples.Count == 0 ? 0 : _samples.Max(s => s.ResidentBytes);
        var noResponse = _statusCounts.GetValueOrDefault(0);

        Console.WriteLine();
        Console.WriteLine($"requests: {_requests} in {_clock.Elapsed.TotalSeconds:0} s ({_requests / _clock.Elapsed.TotalSeconds:0} per second); "
            + $"statuses: {string.Join(", ", _statusCounts.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}");
        Console.WriteLine($"5xx responses: {_serverErrors}; requests without a response: {noResponse}; other unexpected responses: {_failures.Count - _serverErrors - noResponse}");
        Console.WriteLine($"VmRSS: median of the first third after warm-up {SoakCommand.Megabytes(first)}, of the last third {SoakCommand.Megabytes(last)} "
            + $"({growth.ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} %), peak {SoakCommand.Megabytes(peak)}; {measured.Count} samples after warm-up");
        foreach (var failure in _failures.Take(10))
        {
            Console.WriteLine($"  {failure}");
        }

        var passed = true;
        if (_serverErrors > 0 || noResponse > 0 || !_failures.IsEmpty)
        {
            Console.WriteLine("FAILED: some requests failed (listed above, at most 10).");
            passed = false;
        }

        if (third == 0)
        {
            Console.WriteLine($"FAILED: {measured.Count} memory samples after the warm-up are too few to compare; run longer or sample more often.");
            passed = false;
        }
        else if (growth > settings.MaxGrowthPercent)
        {
            Console.WriteLine($"FAILED: resident memory grew by {growth.ToString("0.0", CultureInfo.InvariantCulture)} %, more than the allowed {settings.MaxGrowthPercent} %.");
            passed = false;
        }

        Console.WriteLine(passed ? "PASSED" : "");
        return passed;
    }
}
