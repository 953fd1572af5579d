using System.Reflection;
using ConferenceApp.Features.Accounts.TwoFactor;

namespace ConferenceApp.Tests.Accounts;

public sealed class AccountAuditActionsTests
{
    // SQLite ignores the column's length, so only the PostgreSQL pass would otherwise notice a longer name.
    [Fact]
    public void Actions_fit_audit_column()
    {
        var actions = typeof(AccountAuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(5, actions.Count);
        Assert.All(actions, action => Assert.InRange(action.Length, 1, 16));
    }
}
