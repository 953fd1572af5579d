namespace ConferenceApp.Domain;

/// <summary>A broken rule, tied to the name of the input field that caused it.</summary>
/// <param name="Field">The property name of the value that broke the rule, or empty for the whole item.</param>
/// <param name="Message">A sentence for the person who typed the value.</param>
public sealed record FieldError(string Field, string Message);

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
