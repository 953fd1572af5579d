using ConferenceApp.Domain;

namespace ConferenceApp.Tests.Domain;

public sealed class TalkSpeakersTests(SavedRowsFixture rows) : IClassFixture<SavedRowsFixture>
{
    private Talk NewDemoTalk() => Talk.Create(rows.Demo.Id, "shared-work", "Shared work", null);

    [Fact]
    public void SetSpeakers_keeps_the_given_order()
    {
        var talk = NewDemoTalk();

        talk.SetSpeakers([new PersonAssignment(rows.Juan, null), new PersonAssignment(rows.Almog, null)]);

        Assert.Equal([rows.Juan.Id, rows.Almog.Id], talk.Speakers.Select(s => s.SpeakerId));
        Assert.Equal([0, 1], talk.Speakers.Select(s => s.Position));
    }

    [Fact]
    public void SetSpeakers_cleans_roles()
    {
        var talk = NewDemoTalk();

        talk.SetSpeakers([new PersonAssignment(rows.Juan, "  Moderator "), new PersonAssignment(rows.Almog, "   ")]);

        Assert.Equal("Moderator", talk.Speakers[0].Role);
        Assert.Null(talk.Speakers[1].Role);
    }

    [Fact]
    public void SetSpeakers_replaces_earlier_speakers()
    {
        var talk = NewDemoTalk();
        talk.SetSpeakers([new PersonAssignment(rows.Juan, null), new PersonAssignment(rows.Almog, null)]);

        talk.SetSpeakers([new PersonAssignment(rows.Almog, null)]);

        var speaker = Assert.Single(talk.Speakers);
        Assert.Equal(rows.Almog.Id, speaker.SpeakerId);
        Assert.Equal(0, speaker.Position);
    }

    [Fact]
    public void SetSpeakers_rejects_duplicate_speaker()
    {
        var talk = NewDemoTalk();

        var exception = Assert.Throws<DomainValidationException>(
            () => talk.SetSpeakers([new PersonAssignment(rows.Almog, null), new PersonAssignment(rows.Almog, "Host")]));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(nameof(Talk.Speakers), error.Field);
        Assert.Contains("Almog Gueta", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetSpeakers_accepts_two_unsaved_speakers()
    {
        var talk = NewDemoTalk();
        var first = Speaker.Create(rows.Demo.Id, new SpeakerDetails("new-one", "New One", null, null));
        var second = Speaker.Create(rows.Demo.Id, new SpeakerDetails("new-two", "New Two", null, null));

        talk.SetSpeakers([new PersonAssignment(first, null), new PersonAssignment(second, null)]);

        Assert.Equal(2, talk.Speakers.Count);
    }

    [Fact]
    public void SetSpeakers_rejects_other_conference_speaker()
    {
        var talk = NewDemoTalk();

        var exception = Assert.Throws<DomainValidationException>(
            () => talk.SetSpeakers([new PersonAssignment(rows.Juan, null), new PersonAssignment(rows.OtherSpeaker, null)]));

        Assert.Equal(nameof(Talk.Speakers), Assert.Single(exception.Errors).Field);
    }

    [Fact]
    public void Rejected_speakers_leave_list_unchanged()
    {
        var talk = NewDemoTalk();
        talk.SetSpeakers([new PersonAssignment(rows.Juan, null)]);

        Assert.Throws<DomainValidationException>(
            () => talk.SetSpeakers([new PersonAssignment(rows.Almog, null), new PersonAssignment(rows.Almog, null)]));

        Assert.Equal(rows.Juan.Id, Assert.Single(talk.Speakers).SpeakerId);
    }

    [Fact]
    public void SetSpeakers_rejects_too_long_role()
    {
        var talk = NewDemoTalk();

        Assert.Throws<DomainValidationException>(
            () => talk.SetSpeakers([new PersonAssignment(rows.Juan, new string('r', Text.TitleMaxLength + 1))]));
    }
}
