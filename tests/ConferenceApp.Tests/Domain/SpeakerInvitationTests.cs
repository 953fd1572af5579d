using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class SpeakerInvitationTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

    private static SpeakerInvitation NewInvitation() =>
        SpeakerInvitation.Create(Speaker.Create(1, TestData.SpeakerDetails("almog-gueta", "Almog Gueta")),
            "almog@example.org", "organizer@example.org", Now, SpeakerInvitation.DefaultLifetime).Invitation;

    [Fact]
    public void Revoked_invitation_cannot_be_renewed()
    {
        var invitation = NewInvitation();
        invitation.Revoke(Now);

        var error = Assert.Throws<DomainValidationException>(() => invitation.Renew("organizer@example.org", Now, SpeakerInvitation.DefaultLifetime));

        Assert.Contains("new invitation", error.Message, StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Revoked, invitation.StatusAt(Now));
    }

    [Fact]
    public void Expired_invitation_can_be_renewed()
    {
        var invitation = NewInvitation();
        var later = Now + SpeakerInvitation.DefaultLifetime + TimeSpan.FromDays(1);
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(later));

        invitation.Renew("organizer@example.org", later, SpeakerInvitation.DefaultLifetime);

        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(later));
    }

    [Fact]
    public void Accepted_invitation_cannot_be_accepted_again()
    {
        var invitation = NewInvitation();
        invitation.Accept(Now);

        Assert.Throws<DomainValidationException>(() => invitation.Accept(Now));
    }
}
