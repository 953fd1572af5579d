using ConferenceApp.Data;

namespace ConferenceApp.Features.Accounts;

/// <summary>Names the signed-in user of the current request in the audit log, or "system" outside a request.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string Name => accessor.HttpContext?.User.Identity?.Name ?? "system";
}
