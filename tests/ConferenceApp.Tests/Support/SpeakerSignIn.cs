using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Support;

public static class SpeakerSignIn
{
    /// <summary>
    /// Creates an account in the Speaker role, links it to the speaker <paramref name="speakerId"/>
    /// as accepting an invitation does, and returns a client signed in as it that does not follow
    /// redirects.
    /// </summary>
    public static async Task<HttpClient> CreateSpeakerClientAsync(this WebApplicationFactory<global::Program> host, int speakerId, string email, string password)
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();

            if (!await roles.RoleExistsAsync(Roles.Speaker))
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(Roles.Speaker))).Succeeded);
            }

            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, Roles.Speaker)).Succeeded);

            var speaker = await db.Speakers.SingleAsync(s => s.Id == speakerId);
            speaker.LinkAccount(user.Id);
            await db.SaveChangesAsync();
        }

        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var loginPage = await client.GetStringAsync("/Identity/Account/Login");
        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(loginPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
