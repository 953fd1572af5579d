using System.Globalization;

namespace ConferenceApp.Domain;

/// <summary>The rules for release version names, and the name suggested for the next release.</summary>
public static class ReleaseNames
{
    public const string First = "1.0";

    /// <summary>Returns the form the uniqueness check compares: upper case, culture-invariant.</summary>
    public static string Normalize(string name) => name.ToUpperInvariant();

    /// <summary>Returns one error per broken rule for a cleaned name: required, at most 40 characters, not used before in any casing.</summary>
    public static List<FieldError> Validate(string? cleanedName, IEnumerable<string> existingNames)
    {
        var errors = new List<FieldError>();
        Text.Check(errors, nameof(Release.Name), "Version name", cleanedName, Release.NameMaxLength, required: true);
        if (cleanedName is null)
        {
            return errors;
        }

        var taken = existingNames.FirstOrDefault(existing => Normalize(existing) == Normalize(cleanedName));
        if (taken is not null)
        {
            errors.Add(FieldError.Format(nameof(Release.Name), "A release named \"{0}\" already exists; choose another version name.", taken));
        }

        return errors;
    }

    /// <summary>
    /// Suggests the next version name: "1.0" for the first release, otherwise the latest name with
    /// its last number increased ("1.2" becomes "1.3", "1.9" becomes "1.10", "rc2" becomes "rc3").
    /// A name without digits gets " 2" appended. The suggestion skips names already taken.
    /// </summary>
    public static string Suggest(string? latestName, IReadOnlyCollection<string> existingNames)
    {
        var taken = existingNames.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var candidate = latestName is null ? First : Increase(latestName);
        while (taken.Contains(Normalize(candidate)))
        {
            candidate = Increase(candidate);
        }

        return candidate;
    }

    private static string Increase(string name)
    {
        var end = name.Length;
        while (end > 0 && !char.IsAsciiDigit(name[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return $"{name} 2";
        }

        var start = end;
        while (start > 0 && char.IsAsciiDigit(name[start - 1]))
        {
            start--;
        }

        // Digits beyond the range of a long are treated as text, so the suggestion appends instead of overflowing.
        if (!long.TryParse(name.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == long.MaxValue)
        {
            return $"{name} 2";
        }

        var digits = end - start;
        var increased = (number + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        return string.Concat(name.AsSpan(0, start), increased, name.AsSpan(end));
    }
}
