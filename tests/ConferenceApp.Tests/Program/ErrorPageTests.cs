using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConferenceApp.Tests.Program;

/// <summary>A request that throws: the response is the error page in the layout, with no exception details.</summary>
public sealed class ErrorPageTests
{
    private const string FailureMessage = "Simulated clock failure for the error page test";

    /// <summary>
    /// A clock that throws when read once armed. "/" reads it to choose a conference, so
    /// requesting "/" fails. It is armed after start-up, which reads it to publish the demo.
    /// </summary>
    private sealed class FailingTimeProvider : TimeProvider
    {
        public bool Armed { get; set; }

        public override DateTimeOffset GetUtcNow() => Armed ? throw new InvalidOperationException(FailureMessage) : System.GetUtcNow();
    }

    private static AppFactory NewFailingApp(string environment)
    {
        var clock = new FailingTimeProvider();
        var app = new AppFactory
        {
            EnvironmentName = environment,
            Settings = new() { ["Site:PublicUrl"] = "http://localhost" },
            TestServices = services => services.AddSingleton<TimeProvider>(clock),
        };

        // Reading Services starts the app, so start-up has finished when the clock is armed.
        _ = app.Services;
        clock.Armed = true;
        return app;
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Exception_gives_500_page(string environment)
    {
        await using var app = NewFailingApp(environment);

        var page = await app.CreateClient().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Something went wrong", page.Document.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("header nav[aria-label='Site']"));
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Exception_page_hides_details(string environment)
    {
        await using var app = NewFailingApp(environment);

        var page = await app.CreateClient().GetPageAsync("/");

        Assert.DoesNotContain(FailureMessage, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("FailingTimeProvider", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("ProgramController", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_is_logged_with_reference()
    {
        await using var app = NewFailingApp("Testing");

        var page = await app.CreateClient().GetPageAsync("/");
        var reference = page.Document.QuerySelector("main code")!.TextContent;

        var entry = Assert.Single(app.Logs.Records, record => record.Level == LogLevel.Error && record.Category.EndsWith("ErrorController", StringComparison.Ordinal));
        Assert.Equal(reference, entry.Values["RequestId"]);
        Assert.Equal("/", entry.Values["Path"]);
        Assert.NotNull(entry.Exception);
        Assert.True(entry.ScopeValues.ContainsKey("RequestId"), "The entry has no request id in its scope.");
        Assert.Equal("/", entry.ScopeValues["RequestPath"]);
    }
}
