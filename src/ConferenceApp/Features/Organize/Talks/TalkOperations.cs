using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Talks;

/// <summary>Creates, changes and deletes talks, puts them into sessions in order, and sets their speakers.</summary>
public sealed class TalkOperations(ConferenceDbContext db, ChangeSaver saver, ILogger<TalkOperations> logger)
{
    /// <summary>The largest order number the form accepts, because the model stores order - 1 and allows positions up to 10000.</summary>
    private const int MaxOrder = 10_001;

    /// <summary>Creates a talk. An empty slug is made from the title and written back to the form.</summary>
    public async Task<ChangeResult> CreateAsync(int conferenceId, TalkForm form, CancellationToken cancellationToken)
    {
        form.Slug = await SlugMaker.ChooseAsync(form.Slug, form.Title, "talk",
            slug => db.Talks.OfConference(conferenceId).AnyAsync(t => t.Slug == slug, cancellationToken));

        var errors = new List<FieldError>();
        Talk? talk = null;
        DomainSteps.Run(errors, () => talk = Talk.Create(conferenceId, form.Slug, form.Title, form.Abstract));
        if (talk is null)
        {
            // The remaining steps need a talk. The speaker rows are checked anyway, so every error shows at once.
            await PeopleRows.ResolveAsync(db, conferenceId, form.Speakers, nameof(TalkForm.Speakers), errors, cancellationToken);
            return ChangeResult.Invalid(errors);
        }

        await ApplyAsync(talk, form, errors, cancellationToken);
        return await SaveAsync(talk, errors, isNew: true, cancellationToken);
    }

    public async Task<ChangeResult> UpdateAsync(int conferenceId, int id, TalkForm form, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.OfConference(conferenceId)
            .Include(t => t.Speakers)
            .FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (talk is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Talk), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        // Marks the version modified as well, so that a change of the speakers alone is checked too.
        saver.ExpectVersion(talk, form.Version);

        var errors = new List<FieldError>();
        DomainSteps.Run(errors, () => talk.Update(form.Slug, form.Title, form.Abstract));
        await ApplyAsync(talk, form, errors, cancellationToken);
        return await SaveAsync(talk, errors, isNew: false, cancellationToken);
    }

    /// <summary>Deletes the talk and its speaker links. The speakers and the session stay.</summary>
    public async Task<ChangeResult> DeleteAsync(int conferenceId, int id, Guid version, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.OfConference(conferenceId).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (talk is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Talk), id, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        saver.ExpectVersion(talk, version);
        db.Talks.Remove(talk);

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Deleted talk {TalkId} of conference {ConferenceId}", id, conferenceId);
        }

        return result;
    }

    /// <summary>Puts the talk into the chosen session at the chosen place and sets its speakers.</summary>
    private async Task ApplyAsync(Talk talk, TalkForm form, List<FieldError> errors, CancellationToken cancellationToken)
    {
        Session? session = null;
        if (form.SessionId is { } sessionId)
        {
            session = await db.Sessions.OfConference(talk.ConferenceId).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
            if (session is null)
            {
                errors.Add(new FieldError(nameof(TalkForm.SessionId), $"The session with id {sessionId} does not exist in this conference; choose one from the list."));
            }
        }

        if (form.Order is < 1 or > MaxOrder)
        {
            errors.Add(new FieldError(nameof(TalkForm.Order), $"The order must be between 1 and {MaxOrder}."));
        }
        else
        {
            var placeErrors = new List<FieldError>();
            var order = await OrderInSessionAsync(talk, session, form.Order, cancellationToken);
            DomainSteps.Run(placeErrors, () =>
            {
                for (var position = 0; position < order.Count; position++)
                {
                    order[position].PlaceIn(session, position);
                }
            });
            errors.AddRange(placeErrors.Select(e => e.Field == nameof(Talk.Position) ? e with { Field = nameof(TalkForm.Order) } : e));
        }

        var speakers = await PeopleRows.ResolveAsync(db, talk.ConferenceId, form.Speakers, nameof(TalkForm.Speakers), errors, cancellationToken);
        DomainSteps.Run(errors, () => talk.SetSpeakers(speakers));
        DomainSteps.Run(errors, () => talk.SetDuration(form.DurationMinutes));
        FormRules.CheckSampleNote(errors, form.SampleNote);
        talk.MarkSample(form.SampleNote);
    }

    /// <summary>
    /// Returns the talks of the session in their new order, this talk included, so that positions
    /// stay 0, 1, 2… without gaps or ties. The form's order (1 = first) places the talk; without
    /// one, a talk that stays in its session keeps its place and a talk new to the session goes
    /// last. Without a session the list holds only this talk.
    /// </summary>
    private async Task<List<Talk>> OrderInSessionAsync(Talk talk, Session? session, int? order, CancellationToken cancellationToken)
    {
        if (session is null)
        {
            return [talk];
        }

        var others = await db.Talks
            .Where(t => t.SessionId == session.Id && t.Id != talk.Id)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);

        var index = order is { } given ? given - 1
            : talk.SessionId == session.Id ? others.Count(t => t.Position < talk.Position || (t.Position == talk.Position && t.Id < talk.Id))
            : others.Count;
        others.Insert(Math.Clamp(index, 0, others.Count), talk);
        return others;
    }

    private async Task<ChangeResult> SaveAsync(Talk talk, List<FieldError> errors, bool isNew, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            return ChangeResult.Invalid(errors);
        }

        var duplicate = new FieldError(nameof(TalkForm.Slug), $"Another talk of this conference already uses the URL name \"{talk.Slug}\"; choose another.");
        if (await db.Talks.OfConference(talk.ConferenceId).AnyAsync(t => t.Slug == talk.Slug && t.Id != talk.Id, cancellationToken))
        {
            return ChangeResult.Invalid([duplicate]);
        }

        if (isNew)
        {
            db.Talks.Add(talk);
        }

        var result = await saver.SaveAsync(duplicate, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Saved talk {TalkId} of conference {ConferenceId} in session {SessionId} at position {Position}",
                talk.Id, talk.ConferenceId, talk.SessionId, talk.Position);
        }

        return result with { Id = talk.Id };
    }
}
