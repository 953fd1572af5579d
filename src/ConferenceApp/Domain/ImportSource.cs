namespace ConferenceApp.Domain;

/// <summary>A row that an import can create and later find again by the item's id in the imported file.</summary>
public interface IImported
{
    string? SourceKey { get; }

    void SetSourceKey(string? sourceKey);
}

/// <summary>The rules of source keys: the format's name, a colon and the item's id in the file, such as "frab:room:Hall 1".</summary>
public static class ImportSource
{
    public const int KeyMaxLength = 300;

    /// <summary>Returns the cleaned key, or throws when it is longer than <see cref="KeyMaxLength"/>.</summary>
    public static string? CheckKey(string? sourceKey)
    {
        var cleaned = Text.Clean(sourceKey);
        if (cleaned is { Length: > KeyMaxLength })
        {
            throw new DomainValidationException([FieldError.Format("SourceKey", "The id in the imported file must be at most {0} characters long; it has {1}.", KeyMaxLength, cleaned.Length)]);
        }

        return cleaned;
    }
}
