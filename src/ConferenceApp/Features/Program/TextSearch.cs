using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;

namespace ConferenceApp.Features.Program;

/// <summary>
/// Finds the words of a search in text, ignoring case, accents and Hebrew vowel points (all
/// non-spacing marks), with the invariant culture's ICU comparison.
/// </summary>
public sealed class TextSearch
{
    /// <summary>The longest search text read; the rest of a longer one is ignored.</summary>
    public const int MaxLength = 200;

    /// <summary>The most words a search is split into; further words are ignored.</summary>
    public const int MaxWords = 10;

    private const CompareOptions Options =
        CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;

    // Leaves Hebrew and other letters unescaped, which keeps pages in those languages small.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private TextSearch(string text, IReadOnlyList<string> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The search as it is applied: trimmed and cut to <see cref="MaxLength"/> characters.</summary>
    public string Text { get; }

    /// <summary>The words that must all occur somewhere in an item.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>Returns whether <paramref name="c"/> separates words of a search: white space, dashes, quotes and apostrophes of any form, and sentence punctuation.</summary>
    /// <remarks>So "Doctor's" finds "Doctor’s" and "Ben-Ami" finds "Ben Ami". Characters such as # and + stay in words, for "C#" and "C++".</remarks>
    private static bool IsWordBreak(char c) =>
        char.IsWhiteSpace(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.DashPunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        || c is '\'' or '"' or ',' or ';' or ':' or '(' or ')' or '[' or ']' or '!' or '?';

    // Every character that IsWordBreak accepts in the Basic Multilingual Plane, for string.Split.
    private static readonly char[] WordBreak = [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsWordBreak)];

    /// <summary>Returns the search for <paramref name="query"/>; null or blank text gives an empty search that matches everything.</summary>
    public static TextSearch Parse(string? query)
    {
        // Control characters match anything in ICU's comparison, so they are dropped.
        var text = new string((query ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength].Trim();
        }

        var words = text.Split(WordBreak, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxWords)
            .ToList();
        return new TextSearch(text, words);
    }

    /// <summary>Returns whether every word occurs in at least one of <paramref name="texts"/>.</summary>
    public bool MatchesAll(IReadOnlyList<string> texts) =>
        Words.All(word => texts.Any(text => Compare.IndexOf(text, word, Options) >= 0));

    /// <summary>Returns whether any word occurs in <paramref name="text"/>.</summary>
    public bool MatchesAny(string? text) =>
        text is not null && Words.Any(word => Compare.IndexOf(text, word, Options) >= 0);

    /// <summary>Returns <paramref name="text"/> HTML-encoded, with every occurrence of a word inside &lt;mark&gt;.</summary>
    public IHtmlContent Highlight(string text) => Marked(text, 0, text.Length);

    /// <summary>
    /// Returns about <paramref name="width"/> characters of <paramref name="text"/> around the
    /// first occurrence of a word, with ellipses where text is left out, and the words marked.
    /// Returns null when no word occurs in the text.
    /// </summary>
    public IHtmlContent? Excerpt(string? text, int width = 120)
    {
        if (text is null)
        {
            return null;
        }

        var first = Ranges(text).Select(r => r.Start).DefaultIfEmpty(-1).Min();
        if (first < 0)
        {
            return null;
        }

        var start = Math.Max(0, first - width / 3);
        var end = Math.Min(text.Length, start + width);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        html.Append(Marked(text, start, end).ToString());
        if (end < text.Length)
        {
            html.Append('…');
        }

        return new HtmlString(html.ToString());
    }

    private HtmlString Marked(string text, int from, int to)
    {
        var html = new StringBuilder();
        var position = from;
        foreach (var (start, length) in Merged(Ranges(text)))
        {
            var cutStart = Math.Max(start, position);
            var cutEnd = Math.Min(start + length, to);
            if (cutEnd <= cutStart)
            {
                continue;
            }

            html.Append(Encoder.Encode(text[position..cutStart]));
            html.Append("<mark>").Append(Encoder.Encode(text[cutStart..cutEnd])).Append("</mark>");
            position = cutEnd;
        }

        if (position < to)
        {
            html.Append(Encoder.Encode(text[position..to]));
        }

        return new HtmlString(html.ToString());
    }

    // The occurrences of every word, as start and length in the original text (an accent-insensitive
    // match may differ in length from the word).
    private List<(int Start, int Length)> Ranges(string text)
    {
        var ranges = new List<(int Start, int Length)>();
        foreach (var word in Words)
        {
            var offset = 0;
            while (offset < text.Length)
            {
                var index = Compare.IndexOf(text.AsSpan(offset), word.AsSpan(), Options, out var length);
                if (index < 0 || length == 0)
                {
                    break;
                }

                ranges.Add((offset + index, length));
                offset += index + length;
            }
        }

        return ranges;
    }

    private static List<(int Start, int Length)> Merged(List<(int Start, int Length)> ranges)
    {
        var merged = new List<(int Start, int Length)>();
        foreach (var (start, length) in ranges.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.Start + last.Length, start + length) - last.Start);
            }
            else
            {
                merged.Add((start, length));
            }
        }

        return merged;
    }
}
