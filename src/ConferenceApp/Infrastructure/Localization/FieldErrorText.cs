using ConferenceApp.Domain;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>Translates the domain's <see cref="FieldError"/> messages where they reach a person.</summary>
public static class FieldErrorText
{
    /// <summary>Returns the message of <paramref name="error"/> in the request's language, or in English where no translation exists.</summary>
    public static string Translate(this IStringLocalizer localizer, FieldError error) =>
        localizer[error.Template, [.. error.Arguments.Select(argument => argument ?? "")]].Value;

    /// <summary>Returns the interface text's localizer of the request, for controllers that do not take it in their constructor.</summary>
    public static IStringLocalizer InterfaceText(this HttpContext http) =>
        http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
}
