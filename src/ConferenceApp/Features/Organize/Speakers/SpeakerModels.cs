namespace ConferenceApp.Features.Organize.Speakers;

public sealed class SpeakerForm : OrganizeForm
{
    /// <summary>The URL name. Left empty on a new speaker, it is made from the name.</summary>
    public string? Slug { get; set; }

    public string? Name { get; set; }

    /// <summary>One line on who the speaker is.</summary>
    public string? Headline { get; set; }

    public string? Bio { get; set; }

    public string? PhotoUrl { get; set; }
}

public sealed record SpeakerListPage(OrganizeConference Conference, IReadOnlyList<SpeakerRow> Speakers);

public sealed record SpeakerRow(int Id, string Name, string Slug, string? Headline, int TalkCount, int SessionCount);
