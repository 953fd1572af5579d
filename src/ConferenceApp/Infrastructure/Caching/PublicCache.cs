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
}
