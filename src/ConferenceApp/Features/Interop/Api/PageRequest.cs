using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace ConferenceApp.Features.Interop.Api;

/// <summary>The page of a list that a request selects with the query parameters page and pageSize.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static readonly PageRequest First = new(1, DefaultPageSize);

    /// <summary>
    /// Reads the raw query values; a missing parameter takes its default. Returns an error naming the
    /// parameter when a value is not a whole number in range or the parameter is given twice.
    /// </summary>
    public static (PageRequest? Request, PagingError? Error) Parse(StringValues page, StringValues pageSize)
    {
        var pageError = Read(page, "page", 1, int.MaxValue, 1, out var pageNumber);
        if (pageError is not null)
        {
            return (null, pageError);
        }

        var sizeError = Read(pageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, out var size);
        return sizeError is not null ? (null, sizeError) : (new PageRequest(pageNumber, size), null);
    }

    /// <summary>Returns this page of <paramref name="items"/>, which must already be in their stable order.</summary>
    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items)
    {
        // A long, so that a very large page number cannot overflow.
        var skip = (long)(Page - 1) * PageSize;
        return skip >= items.Count ? [] : [.. items.Skip((int)skip).Take(PageSize)];
    }

    /// <summary>True when items follow this page in a list of <paramref name="totalCount"/>.</summary>
    public bool HasNext(int totalCount) => (long)Page * PageSize < totalCount;

    private static PagingError? Read(StringValues values, string name, int min, int max, int fallback, out int value)
    {
        value = fallback;
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            return new PagingError(name, $"The query parameter {name} is given {values.Count} times; give it once.");
        }

        var text = values[0] ?? "";
        var rangeText = $"from {min} to {max}";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            value = fallback;
            return new PagingError(name, $"The query parameter {name} must be a whole number {rangeText}; it is \"{text}\".");
        }

        return null;
    }
}

/// <summary>An invalid paging parameter and the message that explains it.</summary>
public sealed record PagingError(string Parameter, string Message);
