using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ConferenceApp.Features.Accounts;

/// <summary>Answers 404 for a Razor page that the app ships with but does not offer.</summary>
internal sealed class ClosedPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        context.Result = new NotFoundResult();
        return Task.CompletedTask;
    }
}
