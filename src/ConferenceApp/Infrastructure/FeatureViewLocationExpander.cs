using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace ConferenceApp.Infrastructure;

/// <summary>
/// Finds a controller's views in its feature folder: a controller in the namespace
/// ConferenceApp.Features.Organize renders /Features/Organize/Views/{controller}/{view}.cshtml.
/// Shared views (the layout, partials) stay in /Views/Shared, where the Identity UI finds them too.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor descriptor)
        {
            context.Values[FeatureKey] = FeatureOf(descriptor.ControllerTypeInfo.Namespace);
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && feature is not null)
        {
            yield return $"/Features/{feature}/Views/{{1}}/{{0}}.cshtml";
            yield return $"/Features/{feature}/Views/Shared/{{0}}.cshtml";
        }

        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }

    /// <summary>Returns the feature folder name from a namespace such as ConferenceApp.Features.Program.Queries, or null.</summary>
    internal static string? FeatureOf(string? controllerNamespace)
    {
        const string marker = ".Features.";
        if (controllerNamespace is null)
        {
            return null;
        }

        var start = controllerNamespace.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = controllerNamespace[(start + marker.Length)..];
        var end = rest.IndexOf('.', StringComparison.Ordinal);
        return end < 0 ? rest : rest[..end];
    }
}
