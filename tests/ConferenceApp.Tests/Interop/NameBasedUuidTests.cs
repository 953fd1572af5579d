using ConferenceApp.Features.Interop.Frab;

namespace ConferenceApp.Tests.Interop;

public sealed class NameBasedUuidTests
{
    [Theory]
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example in the Python documentation.
    [InlineData("python.org", "886313e1-3b8a-5372-9b90-0c9aee199e5d")]
    // The version 5 example of RFC 9562, appendix A.4.
    [InlineData("www.example.com", "2ed6657d-e927-568b-95e1-2665a8aea6a2")]
    public void Uuid5_matches_known_vectors(string name, string expected)
    {
        Assert.Equal(Guid.Parse(expected), NameBasedUuid.Create(NameBasedUuid.DnsNamespace, name));
    }

    [Fact]
    public void Uuid5_sets_version_and_variant()
    {
        var text = NameBasedUuid.Create(FrabScheduleBuilder.GuidNamespace, "7/talk:12").ToString("D");

        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void Uuid5_differs_by_name_and_namespace()
    {
        var talk = NameBasedUuid.Create(FrabScheduleBuilder.GuidNamespace, "7/talk:12");

        Assert.Equal(talk, NameBasedUuid.Create(FrabScheduleBuilder.GuidNamespace, "7/talk:12"));
        Assert.NotEqual(talk, NameBasedUuid.Create(FrabScheduleBuilder.GuidNamespace, "7/session:12"));
        Assert.NotEqual(talk, NameBasedUuid.Create(NameBasedUuid.DnsNamespace, "7/talk:12"));
    }
}
