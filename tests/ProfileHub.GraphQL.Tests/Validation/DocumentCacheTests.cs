using ProfileHub.GraphQL.Validation;
using static ProfileHub.GraphQL.Tests.Support.ValidationHarness;

namespace ProfileHub.GraphQL.Tests.Validation;

public class DocumentCacheTests
{
    [Fact]
    public void A_repeated_query_is_prepared_once()
    {
        var cache = new DocumentCache(TestSchema);

        var first = cache.GetOrAdd("{ dog { name } }");
        var second = cache.GetOrAdd("{ dog { name } }");

        Assert.True(first.IsValid);
        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Syntax_and_validation_errors_are_kept_with_their_locations()
    {
        var cache = new DocumentCache(TestSchema);

        var syntax = cache.GetOrAdd("{ dog { name }");
        var invalid = cache.GetOrAdd("{ dog { nam } }");

        Assert.True(syntax.IsSyntaxError);
        Assert.Equal("Syntax Error: Expected Name, found <EOF>. (1:15)", Describe(Assert.Single(syntax.Errors)));
        Assert.False(invalid.IsSyntaxError);
        Assert.False(invalid.IsValid);
        Assert.StartsWith("Cannot query field \"nam\" on type \"Dog\".", Assert.Single(invalid.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_stays_bounded_and_keeps_recently_used_documents()
    {
        var cache = new DocumentCache(TestSchema, capacity: 10);
        var hot = cache.GetOrAdd("{ dog { name } }");

        for (var i = 0; i < 50; i++)
        {
            cache.GetOrAdd($"{{ dog {{ name alias{i}: barks }} }}");
            Assert.Same(hot, cache.GetOrAdd("{ dog { name } }"));
        }

        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public void Concurrent_use_returns_consistent_results()
    {
        var cache = new DocumentCache(TestSchema, capacity: 20);
        var queries = Enumerable.Range(0, 40).Select(i => $"{{ dog {{ a{i}: name }} }}").ToArray();

        Parallel.For(0, 2000, i =>
        {
            var prepared = cache.GetOrAdd(queries[i % queries.Length]);
            Assert.True(prepared.IsValid);
        });

        Assert.InRange(cache.Count, 1, 20);
    }
}
