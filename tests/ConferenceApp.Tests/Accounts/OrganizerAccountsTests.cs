using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Accounts;

/// <summary>OrganizerAccounts.CreateAsync, the path behind the create-organizer command and the setup page.</summary>
public sealed class OrganizerAccountsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(IdentityResult Result, IdentityUser? User, bool IsOrganizer)> CreateAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();

        var result = await accounts.CreateAsync(email, password, allowExistingAccount: true);
        var user = await users.FindByEmailAsync(email);
        var isOrganizer = user is not null && await users.IsInRoleAsync(user, Roles.Organizer);
        return (result, user, isOrganizer);
    }

    [Fact]
    public async Task CreateAsync_rejects_short_password()
    {
        var (result, _, _) = await CreateAsync("short@example.org", "elevenchars");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, error => error.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
    }

    [Fact]
    public async Task Short_password_creates_no_account()
    {
        var (_, user, _) = await CreateAsync("short-again@example.org", "tiny");

        Assert.Null(user);
    }

    [Fact]
    public async Task CreateAsync_accepts_twelve_characters()
    {
        var (result, user, isOrganizer) = await CreateAsync("twelve@example.org", "twelve chars");

        Assert.True(result.Succeeded);
        Assert.NotNull(user);
        Assert.True(isOrganizer);
    }

    [Fact]
    public async Task Existing_account_rejects_short_password()
    {
        await CreateAsync("existing@example.org", "a long enough password");

        var (result, _, _) = await CreateAsync("existing@example.org", "too short");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, error => error.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
    }
}
