using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>
/// Translates a sentence that contains markup, such as a link, without letting a translation
/// write markup: the translated text is HTML-encoded, and only the arguments that are
/// <see cref="IHtmlContent"/> are inserted as they are.
/// </summary>
public static class LocalizedHtml
{
    /// <summary>
    /// Returns the translation of <paramref name="key"/> with its placeholders ({0}, {1}…) replaced
    /// by <paramref name="arguments"/>. An <see cref="IHtmlContent"/> argument is written as markup,
    /// any other is encoded.
    /// </summary>
    public static IHtmlContent Html(this IStringLocalizer localizer, string key, params object?[] arguments) =>
        new FormattedMarkup(localizer[key].Value, arguments);

    /// <summary>Returns a link, for a placeholder of <see cref="Html"/>.</summary>
    public static IHtmlContent Link(string href, string text)
    {
        var link = new TagBuilder("a");
        link.Attributes["href"] = href;
        link.InnerHtml.Append(text);
        return link;
    }

    /// <summary>Returns a link around markup, such as a &lt;code&gt; element, for a placeholder of <see cref="Html"/>.</summary>
    public static IHtmlContent Link(string href, IHtmlContent content)
    {
        var link = new TagBuilder("a");
        link.Attributes["href"] = href;
        link.InnerHtml.AppendHtml(content);
        return link;
    }

    /// <summary>Returns an element with text content, such as &lt;code&gt;, for a placeholder of <see cref="Html"/>.</summary>
    public static IHtmlContent Element(string tagName, string text, string? cssClass = null)
    {
        var element = new TagBuilder(tagName);
        if (cssClass is not null)
        {
            element.AddCssClass(cssClass);
        }

        element.InnerHtml.Append(text);
        return element;
    }

    /// <summary>Returns a &lt;time&gt; element with its machine-readable <paramref name="datetime"/>, for a placeholder of <see cref="Html"/>.</summary>
    public static IHtmlContent Time(string datetime, string text)
    {
        var time = new TagBuilder("time");
        time.Attributes["datetime"] = datetime;
        time.InnerHtml.Append(text);
        return time;
    }

    // Encodes when written, with the encoder that the view itself writes with.
    private sealed class FormattedMarkup(string format, object?[] arguments) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var encodedArguments = arguments.Select(argument => argument is IHtmlContent html ? ToHtml(html, encoder) : encoder.Encode(argument?.ToString() ?? "")).ToArray();
            writer.Write(string.Format(LocalizationSetup.FormattingCulture, encoder.Encode(format), encodedArguments));
        }

        private static string ToHtml(IHtmlContent content, HtmlEncoder encoder)
        {
            using var writer = new StringWriter();
            content.WriteTo(writer, encoder);
            return writer.ToString();
        }
    }
}
