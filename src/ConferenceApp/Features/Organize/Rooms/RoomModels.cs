namespace ConferenceApp.Features.Organize.Rooms;

/// <summary>The room form, which is also the view model of the page that shows it.</summary>
public sealed class RoomForm : OrganizeForm
{
    public string? Name { get; set; }

    /// <summary>The room's place in lists and grids, smallest first.</summary>
    public int? Position { get; set; }

    /// <summary>The times the room can be used, one interval per line, or empty for always.</summary>
    public string? Availability { get; set; }
}

public sealed record RoomListPage(OrganizeConference Conference, IReadOnlyList<RoomRow> Rooms);

public sealed record RoomRow(int Id, string Name, int Position, int SessionCount);
