namespace ConferenceApp;

/// <summary>
/// Names the one resource set of the interface text. Views write the English text as the key
/// (<c>@T["Program"]</c>), and a translation is one file per culture beside it, such as
/// Resources/SharedResource.he.resx. A key missing from that file shows in English.
/// </summary>
public sealed class SharedResource
{
}
