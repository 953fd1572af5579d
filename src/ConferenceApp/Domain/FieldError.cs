namespace ConferenceApp.Domain;

/// <summary>A broken rule, tied to the name of the input field that caused it.</summary>
/// <param name="Field">The property name of the value that broke the rule, or empty for the whole item.</param>
/// <param name="Message">A sentence in English for the person who typed the value, and for the log.</param>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>
    /// The English sentence with placeholders ({0}, {1}…) that <see cref="Message"/> was formatted
    /// from. It is the key under which a translation of the interface text is looked up.
    /// </summary>
    public string Template { get; init; } = Message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);

    /// <summary>The values for the placeholders of <see cref="Template"/>, such as a name or a limit; empty when it has none.</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    /// <summary>
    /// Returns an error whose message is <paramref name="template"/> with its placeholders filled
    /// in, formatted without regard to the current culture, so that the view can look up a
    /// translation of the template and fill in the same values.
    /// </summary>
    public static FieldError Format(string field, string template, params object?[] arguments) =>
        new(field, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, arguments)) { Template = template, Arguments = arguments };
}

/// <summary>
/// Thrown by an entity's behaviour method when the values given to it break the model's rules.
/// Nothing has changed on the entity when it is thrown.
/// </summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(IReadOnlyList<FieldError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public DomainValidationException()
        : this([])
    {
    }

    public DomainValidationException(string message)
        : this([new FieldError("", message)])
    {
    }

    public DomainValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new FieldError("", message)];
    }

    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> contains at least one error.</summary>
    public static void ThrowIfAny(List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }
}
