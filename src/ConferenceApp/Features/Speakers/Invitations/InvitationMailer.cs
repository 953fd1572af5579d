using System.Net.Sockets;
using ConferenceApp.Infrastructure.Email;
using MailKit;
using MailKit.Security;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>Sends invitation messages and turns a delivery failure into a message for the organizer.</summary>
public sealed class InvitationMailer(EmailSender sender, ILogger<InvitationMailer> logger)
{
    /// <summary>Sends the message. Returns null when it was sent, or the reason it was not.</summary>
    public async Task<string?> TrySendAsync(int invitationId, EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(message, cancellationToken);
            logger.LogInformation("Sent invitation {InvitationId}", invitationId);
            return null;
        }
        catch (Exception exception) when (IsDeliveryFailure(exception))
        {
            logger.LogError(exception, "Could not send invitation {InvitationId}", invitationId);
            return exception.Message;
        }
    }

    // The failures of EmailSender: the SMTP server is unreachable, refuses the login or the
    // message, or the pickup folder cannot be written. Programming errors are not caught.
    private static bool IsDeliveryFailure(Exception exception) =>
        exception is CommandException or ProtocolException or AuthenticationException or SslHandshakeException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or SocketException or IOException or UnauthorizedAccessException or TimeoutException;
}
