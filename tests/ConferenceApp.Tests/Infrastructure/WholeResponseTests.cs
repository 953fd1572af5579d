using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Tests.Support;

namespace ConferenceApp.Tests.Infrastructure;

/// <summary>
/// Tests that GET responses are sent whole with their length, so that a load balancer can retry a
/// request on another instance when the first dies before responding.
/// </summary>
public sealed class WholeResponseTests
{
    [Theory]
    [InlineData("/" + DemoConference.Slug + "/program", HttpStatusCode.OK)]
    [InlineData("/" + DemoConference.Slug + "/speakers", HttpStatusCode.OK)]
    [InlineData("/" + DemoConference.Slug + "/schedule.xml", HttpStatusCode.OK)]
    [InlineData("/api/conferences", HttpStatusCode.OK)]
    [InlineData("/no-such-conference/program", HttpStatusCode.NotFound)]
    [InlineData("/Identity/Account/Login", HttpStatusCode.OK)]
    public async Task Get_response_has_body_length(string url, HttpStatusCode expected)
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();

        // Twice, so that the second response of a public page comes from the output cache.
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(expected, response.StatusCode);
            Assert.NotEmpty(body);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task Head_response_has_length_without_body()
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();

        var url = new Uri($"/{DemoConference.Slug}/program", UriKind.Relative);
        var page = await client.GetByteArrayAsync(url);

        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(page.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
