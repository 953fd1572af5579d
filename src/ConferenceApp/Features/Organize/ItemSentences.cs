using Microsoft.Extensions.Localization;

namespace ConferenceApp.Features.Organize;

/// <summary>
/// The sentences of the delete and "gone" pages and of edit conflicts, one key per kind of item.
/// They are written out whole rather than as "Delete the {0}", because a translation inflects the
/// sentence by the noun. A key "talk" would also clash with the label "Talk", because a .resx
/// keeps only one of two names that differ in letter case alone.
/// </summary>
/// <remarks>A noun without its own sentences gets the English one.</remarks>
public static class ItemSentences
{
    public static LocalizedString DeleteTitle(IStringLocalizer t, string noun) => noun switch
    {
        "conference" => t["Delete conference"],
        "room" => t["Delete room"],
        "time slot" => t["Delete time slot"],
        "session" => t["Delete session"],
        "talk" => t["Delete talk"],
        "speaker" => t["Delete speaker"],
        _ => Untranslated($"Delete {noun}"),
    };

    public static LocalizedString DeleteQuestion(IStringLocalizer t, string noun, string name) => noun switch
    {
        "conference" => t["Delete the conference “{0}”?", name],
        "room" => t["Delete the room “{0}”?", name],
        "time slot" => t["Delete the time slot “{0}”?", name],
        "session" => t["Delete the session “{0}”?", name],
        "talk" => t["Delete the talk “{0}”?", name],
        "speaker" => t["Delete the speaker “{0}”?", name],
        _ => Untranslated($"Delete the {noun} “{name}”?"),
    };

    public static LocalizedString GoneTitle(IStringLocalizer t, string noun) => noun switch
    {
        "conference" => t["This conference was deleted"],
        "room" => t["This room was deleted"],
        "time slot" => t["This time slot was deleted"],
        "session" => t["This session was deleted"],
        "talk" => t["This talk was deleted"],
        "speaker" => t["This speaker was deleted"],
        _ => Untranslated($"This {noun} was deleted"),
    };

    public static LocalizedString GoneHeading(IStringLocalizer t, string noun) => noun switch
    {
        "conference" => t["This conference no longer exists"],
        "room" => t["This room no longer exists"],
        "time slot" => t["This time slot no longer exists"],
        "session" => t["This session no longer exists"],
        "talk" => t["This talk no longer exists"],
        "speaker" => t["This speaker no longer exists"],
        _ => Untranslated($"This {noun} no longer exists"),
    };

    /// <summary>Returns the translation of <see cref="ChangeMessages.Gone"/>.</summary>
    public static LocalizedString Gone(IStringLocalizer t, string noun) => noun switch
    {
        "conference" => t["Someone else deleted this conference while you were editing it, so your change was not saved."],
        "room" => t["Someone else deleted this room while you were editing it, so your change was not saved."],
        "time slot" => t["Someone else deleted this time slot while you were editing it, so your change was not saved."],
        "session" => t["Someone else deleted this session while you were editing it, so your change was not saved."],
        "talk" => t["Someone else deleted this talk while you were editing it, so your change was not saved."],
        "speaker" => t["Someone else deleted this speaker while you were editing it, so your change was not saved."],
        _ => Untranslated(ChangeMessages.Gone(noun)),
    };

    /// <summary>Returns the translation of <see cref="ChangeMessages.Conflict"/>.</summary>
    public static LocalizedString Conflict(IStringLocalizer t, string noun) => noun switch
    {
        "conference" => t["Someone else changed this conference while you were editing it. Their version is shown below; reapply your change and save again."],
        "room" => t["Someone else changed this room while you were editing it. Their version is shown below; reapply your change and save again."],
        "time slot" => t["Someone else changed this time slot while you were editing it. Their version is shown below; reapply your change and save again."],
        "session" => t["Someone else changed this session while you were editing it. Their version is shown below; reapply your change and save again."],
        "talk" => t["Someone else changed this talk while you were editing it. Their version is shown below; reapply your change and save again."],
        "speaker" => t["Someone else changed this speaker while you were editing it. Their version is shown below; reapply your change and save again."],
        "profile" => t["Someone else changed this profile while you were editing it. Their version is shown below; reapply your change and save again."],
        _ => Untranslated(ChangeMessages.Conflict(noun)),
    };

    /// <summary>Returns the translation of <see cref="ChangeMessages.DeleteConflict"/>.</summary>
    public static LocalizedString DeleteConflict(IStringLocalizer t, string noun) => noun switch
    {
        "conference" => t["Someone else changed this conference after you opened this page. Check the values below and delete again if you still want to."],
        "room" => t["Someone else changed this room after you opened this page. Check the values below and delete again if you still want to."],
        "time slot" => t["Someone else changed this time slot after you opened this page. Check the values below and delete again if you still want to."],
        "session" => t["Someone else changed this session after you opened this page. Check the values below and delete again if you still want to."],
        "talk" => t["Someone else changed this talk after you opened this page. Check the values below and delete again if you still want to."],
        "speaker" => t["Someone else changed this speaker after you opened this page. Check the values below and delete again if you still want to."],
        _ => Untranslated(ChangeMessages.DeleteConflict(noun)),
    };

    private static LocalizedString Untranslated(string text) => new(text, text, resourceNotFound: true);
}
