namespace ConferenceApp.Domain;

/// <summary>A place where sessions happen. Rooms are shown in <see cref="Position"/> order.</summary>
public sealed class Room : ConferenceEntity, IImported
{
    private Room()
    {
        Name = "";
    }

    /// <summary>The program it was imported from and its id there, such as "frab:{guid}", or null when it was not imported.</summary>
    public string? SourceKey { get; private set; }

    public void SetSourceKey(string? sourceKey) => SourceKey = ImportSource.CheckKey(sourceKey);

    public string Name { get; private set; }

    /// <summary>The room's place in lists and grids, smallest first.</summary>
    public int Position { get; private set; }

    /// <summary>When the room can be used, in the conference's local time; <see cref="Availability.Always"/> when no times are given.</summary>
    public Availability Availability { get; private set; } = Availability.Always;

    public static Room Create(int conferenceId, string? name, int position)
    {
        var room = new Room { ConferenceId = conferenceId };
        room.Update(name, position);
        return room;
    }

    public void Update(string? name, int position)
    {
        var cleaned = Text.Clean(name);
        var errors = new List<FieldError>();
        Text.Check(errors, nameof(Name), "Name", cleaned, Text.NameMaxLength, required: true);
        if (position is < 0 or > 10_000)
        {
            errors.Add(new FieldError(nameof(Position), "Position must be between 0 and 10000."));
        }

        DomainValidationException.ThrowIfAny(errors);

        Name = cleaned!;
        Position = position;
    }

    public void SetAvailability(Availability availability)
    {
        Availability = availability;
    }
}
