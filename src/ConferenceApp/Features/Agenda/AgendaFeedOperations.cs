using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Agenda;

/// <summary>What a change of a stored agenda came to.</summary>
public enum AgendaFeedOutcome
{
    Done,

    /// <summary>No conference has the slug, or no agenda of it has the token.</summary>
    NotFound,

    /// <summary>The conference has no release, so there is nothing to star yet.</summary>
    NotPublished,

    /// <summary>The posted list broke a rule, and <see cref="AgendaFeedResult.Errors"/> names which.</summary>
    Invalid,
}

/// <summary>The outcome of a change, with the new token after a creation and the broken rules after a rejection.</summary>
public sealed record AgendaFeedResult(AgendaFeedOutcome Outcome, string? Token = null, IReadOnlyList<FieldError>? Errors = null);

/// <summary>
/// Creates, replaces and deletes the stored agendas behind the private feeds. These are
/// attendees' own lists, not organizer changes, so they have no version check and no audit
/// entry: the last save wins. Each change is one save.
/// </summary>
public sealed class AgendaFeedOperations(ConferenceDbContext db, AgendaQueries queries, TimeProvider time, ILogger<AgendaFeedOperations> logger)
{
    public async Task<AgendaFeedResult> CreateAsync(string conferenceSlug, IReadOnlyList<string?> entries, CancellationToken cancellationToken)
    {
        var program = await queries.FindProgramAsync(conferenceSlug, cancellationToken);
        if (program is null)
        {
            return new AgendaFeedResult(AgendaFeedOutcome.NotFound);
        }

        if (program.Entries is null)
        {
            return new AgendaFeedResult(AgendaFeedOutcome.NotPublished);
        }

        IReadOnlyList<AgendaItemKey> items;
        try
        {
            items = AgendaItemList.Validate(entries, AgendaItemList.MaxCount(program.Entries.ProgramItemCount));
        }
        catch (DomainValidationException exception)
        {
            return new AgendaFeedResult(AgendaFeedOutcome.Invalid, Errors: exception.Errors);
        }

        var (agenda, token) = PersonalAgenda.Create(program.Header.Id, items, time.GetUtcNow().UtcDateTime);
        db.PersonalAgendas.Add(agenda);
        await db.SaveChangesAsync(cancellationToken);

        // The token is the feed's only secret and stays out of the log; the row id names the feed.
        var count = await db.PersonalAgendas.CountAsync(a => a.ConferenceId == program.Header.Id, cancellationToken);
        logger.LogInformation(
            "Created personal agenda feed {AgendaId} of conference {ConferenceId} with {ItemCount} items; the conference has {FeedCount} feeds",
            agenda.Id, program.Header.Id, items.Count, count);
        return new AgendaFeedResult(AgendaFeedOutcome.Done, token);
    }

    public async Task<AgendaFeedResult> ReplaceAsync(string conferenceSlug, string token, IReadOnlyList<string?> entries, CancellationToken cancellationToken)
    {
        var program = await queries.FindProgramAsync(conferenceSlug, cancellationToken);
        var agenda = program is null ? null : await FindAsync(program.Header.Id, token, cancellationToken);
        if (program is null || agenda is null)
        {
            return new AgendaFeedResult(AgendaFeedOutcome.NotFound);
        }

        IReadOnlyList<AgendaItemKey> items;
        try
        {
            items = AgendaItemList.Validate(entries, AgendaItemList.MaxCount(program.Entries?.ProgramItemCount ?? 0));
        }
        catch (DomainValidationException exception)
        {
            return new AgendaFeedResult(AgendaFeedOutcome.Invalid, Errors: exception.Errors);
        }

        agenda.ReplaceItems(items, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return new AgendaFeedResult(AgendaFeedOutcome.Done);
    }

    public async Task<AgendaFeedResult> DeleteAsync(string conferenceSlug, string token, CancellationToken cancellationToken)
    {
        var conferenceId = await db.Conferences.AsNoTracking().Where(c => c.Slug == conferenceSlug).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var agenda = conferenceId is { } id ? await FindAsync(id, token, cancellationToken) : null;
        if (agenda is null)
        {
            return new AgendaFeedResult(AgendaFeedOutcome.NotFound);
        }

        db.PersonalAgendas.Remove(agenda);
        await db.SaveChangesAsync(cancellationToken);
        return new AgendaFeedResult(AgendaFeedOutcome.Done);
    }

    // A token of the wrong form is not looked up: it cannot match a stored hash.
    private async Task<PersonalAgenda?> FindAsync(int conferenceId, string token, CancellationToken cancellationToken)
    {
        if (!PersonalAgenda.IsWellFormedToken(token))
        {
            return null;
        }

        var hash = PersonalAgenda.HashToken(token);
        return await db.PersonalAgendas.FirstOrDefaultAsync(a => a.ConferenceId == conferenceId && a.TokenHash == hash, cancellationToken);
    }
}
