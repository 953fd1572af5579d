using System.Security.Cryptography;
using System.Text;

namespace ConferenceApp.Domain;

/// <summary>
/// An attendee's starred items of one conference, stored so that a private calendar feed can
/// list them. No account owns it: a request with the token reads, replaces or deletes it. Only
/// the SHA-256 of the token is stored, so the table does not reveal the feed addresses.
/// </summary>
public sealed class PersonalAgenda
{
    /// <summary>The length of a token: 32 random bytes (256 bits) in base64url without padding.</summary>
    public const int TokenLength = 43;

    private PersonalAgenda()
    {
        TokenHash = "";
        ItemKeys = "";
    }

    public int Id { get; private set; }

    public int ConferenceId { get; private set; }

    /// <summary>The SHA-256 of the token in lower-case hexadecimal.</summary>
    public string TokenHash { get; private set; }

    /// <summary>The starred items in the form of <see cref="AgendaItemList.Join"/>, such as "talk-3,session-9".</summary>
    public string ItemKeys { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Returns the stored keys; a key that is not well formed, which only a manual edit could store, is skipped.</summary>
    public IReadOnlyList<AgendaItemKey> Items => AgendaItemList.ParseLink(ItemKeys, int.MaxValue).Keys;

    /// <summary>Creates an agenda with a new random token, and returns both. The token is not stored.</summary>
    public static (PersonalAgenda Agenda, string Token) Create(int conferenceId, IReadOnlyList<AgendaItemKey> items, DateTime nowUtc)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var agenda = new PersonalAgenda
        {
            ConferenceId = conferenceId,
            TokenHash = HashToken(token),
            ItemKeys = AgendaItemList.Join(items),
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
        };
        return (agenda, token);
    }

    /// <summary>Replaces the starred items, as the owner's browser sends them after each change.</summary>
    public void ReplaceItems(IReadOnlyList<AgendaItemKey> items, DateTime nowUtc)
    {
        ItemKeys = AgendaItemList.Join(items);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Returns true when the text has the form of a token: <see cref="TokenLength"/> base64url characters.</summary>
    public static bool IsWellFormedToken(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Returns the hex SHA-256 of a token, the form in which tokens are stored and looked up.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
