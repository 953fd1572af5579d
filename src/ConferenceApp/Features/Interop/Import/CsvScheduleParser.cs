using System.Globalization;
using System.Text;
using ConferenceApp.Domain;
using CsvHelper;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>
/// Reads the CSV of speakers and talks described in docs/formats.md: a header line, then one line
/// per pair of talk and speaker. The lines of one talk share its talk_id. Dates and times are local
/// times in the conference's zone unless start and end carry an offset.
/// </summary>
public static class CsvScheduleParser
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["talk_id", "talk_title", "date", "start", "end"];

    public static readonly IReadOnlyList<string> OptionalColumns =
        ["abstract", "kind", "room", "track", "language", "speaker_id", "speaker_name", "speaker_email", "speaker_headline"];

    /// <exception cref="ImportFileException">The file is not UTF-8, the header is missing or names an unknown column, or a line is not valid CSV.</exception>
    public static ImportedProgram Parse(Stream content, string conferenceZoneId)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            IncludeValuesInExceptions = false,
        };

        using var utf8 = ImportEncoding.RequireUtf8(content);
        using var csv = CsvReader.Create(utf8, options, leaveOpen: true);
        try
        {
            var header = ReadHeader(csv);
            return ReadRows(csv, header, new ConferenceClock(conferenceZoneId));
        }
        catch (CsvFormatException exception)
        {
            throw new ImportFileException($"Line {exception.LineNumber} is not valid CSV: {CsvProblem(exception.Message)}");
        }
    }

    private static Dictionary<string, int> ReadHeader(CsvReader csv)
    {
        csv.ReadHeader();
        var names = csv.Headers;
        if (names.Count == 0)
        {
            throw new ImportFileException($"The file is empty. A CSV import starts with a header line naming the columns, at least {string.Join(", ", RequiredColumns)}.");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < names.Count; index++)
        {
            var name = Text.Clean(names[index]) ?? "";
            if (!RequiredColumns.Contains(name, StringComparer.OrdinalIgnoreCase) && !OptionalColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ImportFileException($"Line 1: the header names the unknown column \"{Shorten(name)}\". The columns are {string.Join(", ", RequiredColumns.Concat(OptionalColumns))}.");
            }

            if (!columns.TryAdd(name, index))
            {
                throw new ImportFileException($"Line 1: the header names the column \"{name}\" twice.");
            }
        }

        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException($"Line 1: the header lacks the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}. The first line must name the columns.");
        }

        return columns;
    }

    private sealed record TalkLine(long Line, string Title, string? Abstract, SessionKind Kind, DateTimeOffset Start, TimeSpan Duration, string? Room, List<string> Speakers)
    {
        public string? Track { get; init; }

        public string? Language { get; init; }
    }

    private static ImportedProgram ReadRows(CsvReader csv, Dictionary<string, int> columns, ConferenceClock clock)
    {
        var rooms = new List<ImportedRoom>();
        var speakers = new List<ImportedSpeaker>();
        var rejections = new List<ImportRejection>();
        var speakerReader = new SpeakerReader(speakers, rejections);
        var talks = new Dictionary<string, TalkLine>(StringComparer.Ordinal);
        var order = new List<string>();
        var rejectedTalks = new HashSet<string>(StringComparer.Ordinal);

        while (csv.Read())
        {
            var line = csv.LineNumber;
            string? Field(string name)
            {
                if (!columns.TryGetValue(name, out var index) || index >= csv.FieldCount)
                {
                    return null;
                }

                return Text.Clean(csv.GetString(index));
            }

            var label = $"Line {line}";
            if (Enumerable.Range(0, csv.FieldCount).All(i => csv.IsEmpty(i)))
            {
                continue;
            }

            // Extra empty fields lose nothing, such as a trailing comma; a value there would be dropped.
            if (Enumerable.Range(columns.Count, Math.Max(csv.FieldCount - columns.Count, 0)).Any(i => !csv.IsEmpty(i)))
            {
                rejections.Add(new ImportRejection(ImportItemKind.Line, label,
                    $"{label}: the line has {csv.FieldCount} fields, but the header names {columns.Count} columns. Put a value that contains a comma in double quotes."));
                continue;
            }

            var talkId = Field("talk_id");
            if (talkId is null)
            {
                rejections.Add(new ImportRejection(ImportItemKind.Line, label, $"{label}: talk_id is empty."));
                continue;
            }

            if (rejectedTalks.Contains(talkId))
            {
                rejections.Add(new ImportRejection(ImportItemKind.Talk, label, $"{label}: talk {talkId} was rejected on an earlier line."));
                continue;
            }

            var times = ReadTimes(Field("date"), Field("start"), Field("end"), clock, out var timeError);
            if (times is null)
            {
                rejectedTalks.Add(talkId);
                talks.Remove(talkId);
                rejections.Add(new ImportRejection(ImportItemKind.Talk, label, $"{label}: {timeError}."));
                continue;
            }

            var kindText = Field("kind");
            var kind = kindText is null ? SessionKind.Talk : FrabEventReader.KnownKindOf(kindText);
            if (kind is null)
            {
                rejectedTalks.Add(talkId);
                talks.Remove(talkId);
                rejections.Add(new ImportRejection(ImportItemKind.Talk, label,
                    $"{label}: the kind \"{Shorten(kindText!)}\" is unknown. The kinds are {string.Join(", ", FrabEventReader.KindNames)}."));
                continue;
            }

            var room = Field("room");
            if (room is not null && !rooms.Any(r => r.Name == room))
            {
                rooms.Add(new ImportedRoom($"csv:room:{room}", room));
            }

            var talk = new TalkLine(line, Field("talk_title") ?? "", Field("abstract"), kind.Value, times.Value.Start, times.Value.Duration, room, [])
            {
                Track = Field("track"),
                Language = ImportLanguages.ToTag(Field("language")),
            };
            if (talks.TryGetValue(talkId, out var earlier))
            {
                if (earlier.Title != talk.Title || earlier.Start != talk.Start || earlier.Duration != talk.Duration || earlier.Room != talk.Room
                    || earlier.Track != talk.Track || earlier.Language != talk.Language)
                {
                    rejections.Add(new ImportRejection(ImportItemKind.Talk, label,
                        $"{label}: talk {talkId} has a different title, time, room, track or language than on line {earlier.Line}; the lines of one talk must agree."));
                    continue;
                }

                talk = earlier;
            }
            else
            {
                talks[talkId] = talk;
                order.Add(talkId);
            }

            var speakerKey = speakerReader.Read(line, Field("speaker_id"), Field("speaker_name"), Field("speaker_email"), Field("speaker_headline"));
            if (speakerKey is not null && !talk.Speakers.Contains(speakerKey))
            {
                talk.Speakers.Add(speakerKey);
            }
        }

        var events = order.Where(talks.ContainsKey).Select(id =>
        {
            var talk = talks[id];
            return new ImportedEvent($"csv:{id}", $"Talk {id} (line {talk.Line})", talk.Title, talk.Kind, FrabEventReader.HoldsTalk(talk.Kind), talk.Abstract,
                talk.Start, talk.Duration, talk.Room is null ? null : $"csv:room:{talk.Room}", talk.Speakers, talk.Track, talk.Language);
        }).ToList();

        return new ImportedProgram(null, rooms, speakers, events, rejections);
    }

    /// <summary>
    /// Collects the speakers of the lines. A speaker is keyed by speaker_id, else by the email in
    /// lower case, else by the name. Two speakers with one email address, in any case, would be two
    /// records with one address, so the second is rejected.
    /// </summary>
    private sealed class SpeakerReader(List<ImportedSpeaker> speakers, List<ImportRejection> rejections)
    {
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _emailLines = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>Adds the speaker of a line once and returns its key, or null when the line names no speaker.</summary>
        public string? Read(long line, string? id, string? name, string? email, string? headline)
        {
            var key = id is not null ? $"csv:speaker:{id}"
                : email is not null ? $"csv:email:{email.ToLowerInvariant()}"
                : name is not null ? $"csv:speaker-name:{name}"
                : null;
            if (key is null || !_keys.Add(key))
            {
                return key;
            }

            if (email is not null && !_emailLines.TryAdd(email, line))
            {
                var label = $"Line {line}";
                rejections.Add(new ImportRejection(ImportItemKind.Speaker, label,
                    $"{label}: the speaker {Shorten(id ?? name ?? email)} has the email address {Shorten(email)}, which line {_emailLines[email]} already gives to another speaker. One address belongs to one speaker."));
                return key;
            }

            speakers.Add(new ImportedSpeaker(key, name ?? "", email, headline));
            return key;
        }
    }

    private static (DateTimeOffset Start, TimeSpan Duration)? ReadTimes(string? date, string? start, string? end, ConferenceClock clock, out string? error)
    {
        error = null;
        var startInstant = ReadInstant(date, start, "start", clock, ref error);
        var endInstant = ReadInstant(date, end, "end", clock, ref error);
        if (startInstant is null || endInstant is null)
        {
            return null;
        }

        // An end before the start on the same date is read as the next day, as for an item across midnight.
        var endValue = endInstant.Value <= startInstant.Value && !HasOffset(end) ? NextDay(date!, end!, clock) : endInstant.Value;
        return (startInstant.Value, endValue - startInstant.Value);
    }

    private static DateTimeOffset? ReadInstant(string? date, string? time, string column, ConferenceClock clock, ref string? error)
    {
        if (error is not null)
        {
            return null;
        }

        if (HasOffset(time))
        {
            if (DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant;
            }

            error = $"{column} {time} is not a date and time such as 2026-03-09T09:30:00+02:00";
            return null;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = $"date {date ?? "(empty)"} is not a date such as 2026-03-09";
            return null;
        }

        if (!TimeOnly.TryParseExact(time, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clockTime))
        {
            error = $"{column} {time ?? "(empty)"} is not a time";
            return null;
        }

        var local = day.ToDateTime(clockTime);
        if (clock.IsSkipped(local))
        {
            error = $"{column} {local:yyyy-MM-dd HH:mm} does not exist in {clock.TimeZoneId} because the clocks skip it";
            return null;
        }

        return clock.ToInstant(local);
    }

    private static DateTimeOffset NextDay(string date, string end, ConferenceClock clock)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(1);
        return clock.ToInstantForDisplay(day.ToDateTime(TimeOnly.ParseExact(end, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture)));
    }

    private static bool HasOffset(string? time) => time is not null && time.Contains('T', StringComparison.Ordinal);

    // CsvHelper's message starts with "Malformed CSV in record N (line M): ", which repeats the line number.
    private static string CsvProblem(string message)
    {
        var cut = message.StartsWith("Malformed CSV", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return cut < 0 ? message : message[(cut + 3)..];
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
