using System.Globalization;
using System.Text.Json.Nodes;

namespace ConferenceApp.Features.Program;

/// <summary>
/// Builds the schema.org data of the public pages (https://schema.org/Event and
/// https://schema.org/Person) from their view models. <c>siteUrl</c> is the scheme, host and path
/// base without a trailing slash, such as https://program.example.org.
/// </summary>
public static class SchemaOrg
{
    private const string Context = "https://schema.org";

    /// <summary>Returns the conference as an Event with its dates and venue.</summary>
    public static JsonObject Conference(ConferenceHeader conference, string siteUrl, string? description)
    {
        var result = Document("Event");
        AddConference(result, conference, siteUrl);
        if (!string.IsNullOrEmpty(description))
        {
            result["description"] = description;
        }

        return result;
    }

    /// <summary>
    /// Returns the talk as an Event: its times with the conference's UTC offset, its room inside
    /// the venue, its speakers as performers, and the conference as its super-event. An
    /// unscheduled talk has no times and no room.
    /// </summary>
    public static JsonObject Talk(TalkPage talk, string siteUrl)
    {
        var conference = talk.Conference;
        var result = Document("Event");
        result["name"] = talk.Title;
        result["url"] = TalkUrl(siteUrl, conference.Slug, talk.Slug);
        if (!string.IsNullOrWhiteSpace(talk.Abstract))
        {
            result["description"] = PageSharing.Summary(talk.Abstract);
        }

        AddPlacement(result, talk.Placement, conference);
        result["eventStatus"] = "https://schema.org/EventScheduled";
        result["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        result["performer"] = new JsonArray([.. talk.Speakers.Select(speaker => (JsonNode)PersonLink(speaker, siteUrl, conference.Slug))]);

        var superEvent = new JsonObject { ["@type"] = "Event" };
        AddConference(superEvent, conference, siteUrl);
        result["superEvent"] = superEvent;
        return result;
    }

    /// <summary>Returns the speaker as a Person with their links as sameAs and their talks as performerIn.</summary>
    public static JsonObject Speaker(SpeakerPage speaker, string siteUrl, string? bioText)
    {
        var conference = speaker.Conference;
        var result = Document("Person");
        result["name"] = speaker.Name;
        result["url"] = SpeakerUrl(siteUrl, conference.Slug, speaker.Slug);

        var description = PageSharing.Summary(string.IsNullOrWhiteSpace(bioText) ? speaker.Headline : bioText);
        if (description.Length > 0)
        {
            result["description"] = description;
        }

        if (speaker.PhotoUrl is not null)
        {
            result["image"] = siteUrl + speaker.PhotoUrl;
        }

        if (speaker.Links.Count > 0)
        {
            result["sameAs"] = new JsonArray([.. speaker.Links.Select(link => (JsonNode)JsonValue.Create(link.Url))]);
        }

        var talks = new JsonArray();
        foreach (var talk in speaker.Talks)
        {
            var item = new JsonObject
            {
                ["@type"] = "Event",
                ["name"] = talk.Title,
                ["url"] = TalkUrl(siteUrl, conference.Slug, talk.Slug),
            };
            AddPlacement(item, talk.Placement, conference);
            talks.Add(item);
        }

        if (talks.Count > 0)
        {
            result["performerIn"] = talks;
        }

        return result;
    }

    public static string ProgramUrl(string siteUrl, string conferenceSlug) => $"{siteUrl}/{Uri.EscapeDataString(conferenceSlug)}/program";

    public static string TalkUrl(string siteUrl, string conferenceSlug, string talkSlug) =>
        $"{siteUrl}/{Uri.EscapeDataString(conferenceSlug)}/talks/{Uri.EscapeDataString(talkSlug)}";

    public static string SpeakerUrl(string siteUrl, string conferenceSlug, string speakerSlug) =>
        $"{siteUrl}/{Uri.EscapeDataString(conferenceSlug)}/speakers/{Uri.EscapeDataString(speakerSlug)}";

    /// <summary>Formats an instant as ISO 8601 with its UTC offset, such as 2026-03-29T10:00:00+02:00.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static JsonObject Document(string type) => new() { ["@context"] = Context, ["@type"] = type };

    private static void AddConference(JsonObject target, ConferenceHeader conference, string siteUrl)
    {
        target["name"] = conference.Name;
        target["url"] = ProgramUrl(siteUrl, conference.Slug);
        target["startDate"] = conference.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        target["endDate"] = conference.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        target["eventStatus"] = "https://schema.org/EventScheduled";
        target["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        if (conference.Venue is not null)
        {
            target["location"] = new JsonObject { ["@type"] = "Place", ["name"] = conference.Venue };
        }
    }

    // The times and the room of a scheduled item; a room inside the venue is a Place contained in it.
    private static void AddPlacement(JsonObject target, Placement placement, ConferenceHeader conference)
    {
        if (placement.Start is { } start && placement.End is { } end)
        {
            target["startDate"] = Instant(start.Instant);
            target["endDate"] = Instant(end.Instant);
        }

        JsonObject? venue = conference.Venue is null ? null : new JsonObject { ["@type"] = "Place", ["name"] = conference.Venue };
        if (placement.RoomName is not null)
        {
            var room = new JsonObject { ["@type"] = "Place", ["name"] = placement.RoomName };
            if (venue is not null)
            {
                room["containedInPlace"] = venue;
            }

            target["location"] = room;
        }
        else if (venue is not null)
        {
            target["location"] = venue;
        }
    }

    private static JsonObject PersonLink(PersonLink person, string siteUrl, string conferenceSlug) => new()
    {
        ["@type"] = "Person",
        ["name"] = person.Name,
        ["url"] = SpeakerUrl(siteUrl, conferenceSlug, person.Slug),
    };
}
