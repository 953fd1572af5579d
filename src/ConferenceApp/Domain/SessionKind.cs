namespace ConferenceApp.Domain;

/// <summary>What a program item is. Only some kinds hold talks; the others are items such as breaks that people may still lead.</summary>
public enum SessionKind
{
    Talk = 0,
    Keynote = 1,
    TalkBlock = 2,
    Panel = 3,
    Workshop = 4,
    Opening = 5,
    Closing = 6,
    Reception = 7,
    Break = 8,
    Meal = 9,
    Poster = 10,
    Roundtable = 11,
    Other = 12,
}

public static class SessionKinds
{
    /// <summary>Returns the label shown to people for a kind.</summary>
    public static string Label(this SessionKind kind) => kind switch
    {
        SessionKind.Talk => "Talk",
        SessionKind.Keynote => "Keynote",
        SessionKind.TalkBlock => "Talk block",
        SessionKind.Panel => "Panel",
        SessionKind.Workshop => "Workshop",
        SessionKind.Opening => "Opening",
        SessionKind.Closing => "Closing",
        SessionKind.Reception => "Reception",
        SessionKind.Break => "Break",
        SessionKind.Meal => "Meal",
        SessionKind.Poster => "Poster session",
        SessionKind.Roundtable => "Roundtable",
        SessionKind.Other => "Other",
        _ => kind.ToString(),
    };

    /// <summary>True for items that are pauses in the program rather than content (breaks, meals, reception).</summary>
    public static bool IsPause(this SessionKind kind) =>
        kind is SessionKind.Break or SessionKind.Meal or SessionKind.Reception;
}
