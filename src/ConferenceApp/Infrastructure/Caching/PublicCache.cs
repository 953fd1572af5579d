using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ConferenceApp.Infrastructure.Caching;

/// <summary>
/// Names shared by the output cache's policy, its eviction and the controllers that opt in with
/// <c>[OutputCache(PolicyName = PublicCache.Policy)]</c>.
/// </summary>
public static class PublicCache
{
    /// <summary>The policy of the pages and exports that are the same for every anonymous visitor.</summary>
    public const string Policy = "PublicProgram";

    /// <summary>The tag of every cached response that shows the list of conferences, such as the API's conference list.</summary>
    public const string ConferenceListTag = "conferences";

    /// <summary>
    /// The tag of every cached response under a conference's address. Slugs are compared exactly,
    /// as the database does, so "/WiDS/program" and "/wids/program" never share an entry.
    /// </summary>
    public static string ConferenceTag(string slug) => "conference:" + slug;

    /// <summary>
    /// Returns the encoding that response compression picks for an Accept-Encoding header: "br"
    /// or "gzip", whichever has the higher quality (Brotli on a tie, as the providers are listed),
    /// or "identity" when neither is accepted. A "*" counts for an encoding that is not named.
    /// </summary>
    public static string SelectedEncoding(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var values))
        {
            return "identity";
        }

        double? Quality(string name)
        {
            var named = values.FirstOrDefault(v => string.Equals(v.Value.Value, name, StringComparison.OrdinalIgnoreCase))
                ?? values.FirstOrDefault(v => v.Value.Value == "*");
            return named is null ? null : named.Quality ?? 1.0;
        }

        var brotli = Quality("br") ?? 0;
        var gzip = Quality("gzip") ?? 0;
        if (brotli <= 0 && gzip <= 0)
        {
            return "identity";
        }

        return brotli >= gzip ? "br" : "gzip";
    }
}
