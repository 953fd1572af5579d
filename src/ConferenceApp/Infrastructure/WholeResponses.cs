namespace ConferenceApp.Infrastructure;

/// <summary>
/// Middleware that buffers each GET or HEAD response and sends it in one write with its
/// Content-Length, so that nginx can retry a request on another instance when this one dies.
/// </summary>
/// <remarks>
/// nginx retries only while nothing of the response has been sent. A response written in one
/// call either reaches the operating system whole, which delivers it after the process dies, or
/// not at all. POSTs are not buffered because nginx never retries them.
/// </remarks>
internal sealed class WholeResponseMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (buffer.Length == 0)
        {
            return;
        }

        // HEAD gets the Content-Length of the GET body and no body.
        context.Response.ContentLength ??= buffer.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
    }
}

internal static class WholeResponses
{
    public static IApplicationBuilder UseWholeResponses(this IApplicationBuilder app) =>
        app.UseMiddleware<WholeResponseMiddleware>();
}
