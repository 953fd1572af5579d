using ConferenceApp.Features.Interop.Api;
using Microsoft.Extensions.Primitives;

namespace ConferenceApp.Tests.Interop;

public sealed class PageRequestTests
{
    [Fact]
    public void Missing_parameters_take_defaults()
    {
        var (request, error) = PageRequest.Parse(StringValues.Empty, StringValues.Empty);

        Assert.Null(error);
        Assert.Equal(new PageRequest(1, 50), request);
    }

    [Fact]
    public void Valid_values_are_read()
    {
        var (request, error) = PageRequest.Parse("3", "200");

        Assert.Null(error);
        Assert.Equal(new PageRequest(3, 200), request);
    }

    [Theory]
    [InlineData("0", "10", "page", "The query parameter page must be a whole number from 1 to 2147483647; it is \"0\".")]
    [InlineData("-1", "10", "page", "The query parameter page must be a whole number from 1 to 2147483647; it is \"-1\".")]
    [InlineData("two", "10", "page", "The query parameter page must be a whole number from 1 to 2147483647; it is \"two\".")]
    [InlineData("1.5", "10", "page", "The query parameter page must be a whole number from 1 to 2147483647; it is \"1.5\".")]
    [InlineData("99999999999", "10", "page", "The query parameter page must be a whole number from 1 to 2147483647; it is \"99999999999\".")]
    [InlineData("1", "0", "pageSize", "The query parameter pageSize must be a whole number from 1 to 200; it is \"0\".")]
    [InlineData("1", "201", "pageSize", "The query parameter pageSize must be a whole number from 1 to 200; it is \"201\".")]
    [InlineData("1", "", "pageSize", "The query parameter pageSize must be a whole number from 1 to 200; it is \"\".")]
    [InlineData("1", " 5", "pageSize", "The query parameter pageSize must be a whole number from 1 to 200; it is \" 5\".")]
    public void Invalid_value_names_parameter(string page, string pageSize, string parameter, string message)
    {
        var (request, error) = PageRequest.Parse(page, pageSize);

        Assert.Null(request);
        Assert.NotNull(error);
        Assert.Equal(parameter, error.Parameter);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Repeated_parameter_is_invalid()
    {
        var (request, error) = PageRequest.Parse(new StringValues(["1", "2"]), StringValues.Empty);

        Assert.Null(request);
        Assert.Equal("page", error?.Parameter);
        Assert.Equal("The query parameter page is given 2 times; give it once.", error?.Message);
    }

    [Fact]
    public void Slices_cover_list_once()
    {
        var items = Enumerable.Range(1, 7).ToList();

        var pages = Enumerable.Range(1, 4).Select(p => new PageRequest(p, 3).Slice(items)).ToList();

        Assert.Equal([1, 2, 3], pages[0]);
        Assert.Equal([4, 5, 6], pages[1]);
        Assert.Equal([7], pages[2]);
        Assert.Empty(pages[3]);
    }

    [Fact]
    public void Has_next_until_last_page()
    {
        Assert.True(new PageRequest(1, 3).HasNext(7));
        Assert.True(new PageRequest(2, 3).HasNext(7));
        Assert.False(new PageRequest(3, 3).HasNext(7));
        Assert.False(new PageRequest(1, 3).HasNext(3));
        Assert.False(new PageRequest(1, 50).HasNext(0));
    }

    [Fact]
    public void Huge_page_number_is_empty()
    {
        var page = new PageRequest(int.MaxValue, 200).Slice(Enumerable.Range(1, 10).ToList());

        Assert.Empty(page);
        Assert.False(new PageRequest(int.MaxValue, 200).HasNext(10));
    }

    [Fact]
    public void Links_point_to_neighbours()
    {
        var links = ApiLinks.Paging("https://example.org/api/conferences/x/talks", new PageRequest(2, 3), 7);

        Assert.Equal("https://example.org/api/conferences/x/talks?page=2&pageSize=3", links.Self);
        Assert.Equal("https://example.org/api/conferences/x/talks?page=3&pageSize=3", links.Next);
        Assert.Equal("https://example.org/api/conferences/x/talks?page=1&pageSize=3", links.Prev);
    }

    [Theory]
    [InlineData(1000, 1, 7, 7)]
    [InlineData(5, 3, 7, 3)]
    [InlineData(2, 3, 0, 1)]
    public void Prev_past_end_is_last_page(int page, int pageSize, int totalCount, int expectedPrev)
    {
        var links = ApiLinks.Paging("https://example.org/l", new PageRequest(page, pageSize), totalCount);

        Assert.Equal($"https://example.org/l?page={expectedPrev}&pageSize={pageSize}", links.Prev);
        Assert.Null(links.Next);
    }
}
