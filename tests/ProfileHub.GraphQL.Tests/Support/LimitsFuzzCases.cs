using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>One generated request: its JSON body (or GET query string), and what its answer must be beyond "not 5xx".</summary>
internal sealed record LimitsFuzzCase(string Name, string? Body, string? QueryString, Func<JsonElement, string?>? Check)
{
    public override string ToString() => Name;
}

/// <summary>
/// Requests against the limits, from one seeded <see cref="Random"/>: fragment graphs (chains, diamonds, doubling,
/// cycles), deep nesting, wide selections, and huge lists, strings, numbers and input objects in arguments and
/// variables. Sizes go past the parser's token and depth limits and the HTTP body limit on purpose. The schema they
/// are written for is <c>LimitsFuzzTests.Schema</c>: <c>hello</c>, <c>self</c>, <c>items(first:)</c>, <c>echo</c>,
/// <c>float</c> and <c>thing</c>, with a maximum depth of <see cref="MaxDepth"/> and cost of <see cref="MaxCost"/>.
/// </summary>
internal static class LimitsFuzzCases
{
    public const int MaxDepth = 12;
    public const int MaxCost = 50_000;
    public const int DefaultListSize = 10;

    private static readonly Func<Random, int, LimitsFuzzCase>[] Kinds =
    [
        Doubling, Chain, Diamond, Cycle, FragmentsUnderFields, DeepNesting, WideSelection, LongListVariable, LongString,
        NestedInputVariable, Numbers, OverflowingListSizes, Get,
    ];

    public static IEnumerable<LimitsFuzzCase> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            // Round robin over the kinds, so every kind is generated whatever the count; sizes come from the seed.
            yield return Kinds[i % Kinds.Length](random, i);
        }
    }

    /// <summary>The issue's document, up to 45 levels, with leaves whose exact cost is known.</summary>
    private static LimitsFuzzCase Doubling(Random random, int index)
    {
        var levels = random.Next(0, 46);
        var (leaf, leafCost, data) = random.Next(4) switch
        {
            0 => ("__typename", 0, "{\"__typename\":\"Query\"}"),
            1 => ("a: hello b: hello", 0, "{\"a\":\"hi\",\"b\":\"hi\"}"),
            2 => ("self { hello }", 1, "{\"self\":{\"hello\":\"hi\"}}"),
            _ => ("items { hello }", DefaultListSize, "{\"items\":[{\"hello\":\"hi\"},{\"hello\":\"hi\"},{\"hello\":\"hi\"}]}"),
        };
        var cost = BigInteger.Pow(2, levels) * leafCost;
        return Case($"doubling {levels} levels of {leaf}", HostileDocuments.Doubling(levels, leaf), answer =>
            cost > MaxCost ? ExpectCode(answer, "MAX_COST_EXCEEDED") : ExpectData(answer, data));
    }

    /// <summary>A chain of fragments, defined in a random order; past about 1,870 links it has too many tokens to parse.</summary>
    private static LimitsFuzzCase Chain(Random random, int index)
    {
        var length = random.Next(4) == 0 ? random.Next(1_500, 2_500) : random.Next(1, 300);
        var definitions = Enumerable.Range(0, length)
            .Select(i => i < length - 1 ? $"fragment C{i} on Query {{ ...C{i + 1} }}" : $"fragment C{i} on Query {{ hello }}")
            .OrderBy(_ => random.Next())
            .ToList();
        var query = "{ ...C0 } " + string.Join(' ', definitions);
        return Case($"chain of {length} fragments", query, answer => ExpectDataOrCode(answer, "{\"hello\":\"hi\"}", "GRAPHQL_PARSE_FAILED"));
    }

    /// <summary>Layers of fragments where each spreads every fragment of the layer below: width^layers paths.</summary>
    private static LimitsFuzzCase Diamond(Random random, int index)
    {
        var layers = random.Next(2, 31);
        var width = random.Next(2, 9);
        var text = new StringBuilder("{ ").AppendJoin(' ', Enumerable.Range(0, width).Select(i => $"...D0_{i}")).Append(" } ");
        for (var layer = 0; layer < layers; layer++)
        {
            for (var i = 0; i < width; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"fragment D{layer}_{i} on Query {{ ");
                for (var j = 0; j < width; j++)
                {
                    text.Append(layer == layers - 1 ? $"h{j}: hello " : $"...D{layer + 1}_{j} ");
                }
                text.Append("} ");
            }
        }
        var data = "{" + string.Join(',', Enumerable.Range(0, width).Select(j => $"\"h{j}\":\"hi\"")) + "}";
        return Case($"diamond {layers} x {width}", text.ToString(), answer => ExpectData(answer, data));
    }

    /// <summary>Cycles (a validation error): a fragment spreading itself, a chain closed on itself, a doubling with a back edge.</summary>
    private static LimitsFuzzCase Cycle(Random random, int index)
    {
        var length = random.Next(1, 200);
        var back = random.Next(length);
        var doubled = random.Next(2) == 0;
        var definitions = Enumerable.Range(0, length).Select(i =>
        {
            var next = i < length - 1 ? i + 1 : back;
            return doubled ? $"fragment Y{i} on Query {{ hello ...Y{next} ...Y{next} }}" : $"fragment Y{i} on Query {{ hello ...Y{next} }}";
        });
        var query = "{ ...Y0 } " + string.Join(' ', definitions);
        return Case($"cycle of {length - back} in {length} fragments{(doubled ? ", doubled" : "")}", query, answer =>
            ExpectCode(answer, "GRAPHQL_VALIDATION_FAILED") ?? (answer.GetRawText().Contains("within itself", StringComparison.Ordinal) ? null : "no cycle error"));
    }

    /// <summary>
    /// Fragment graphs under fields sharing a response name, which field merging must compare: each level spreads the
    /// previous one under two <c>s</c> fields, or beside it, or two families of fragments are crossed.
    /// </summary>
    private static LimitsFuzzCase FragmentsUnderFields(Random random, int index)
    {
        var levels = random.Next(1, 41);
        var shape = random.Next(3);
        var text = new StringBuilder(shape == 2 ? "{ s: self { ...F0 } s: self { ...G0 } }" : "{ ...F0 }");
        for (var level = 0; level < levels; level++)
        {
            var (f, g) = ($"F{level + 1}", $"G{level + 1}");
            text.Append(shape switch
            {
                0 => $" fragment F{level} on Query {{ s: self {{ ...{f} }} s: self {{ ...{f} }} }}",
                1 => $" fragment F{level} on Query {{ s: self {{ ...{f} }} ...{f} }}",
                _ => $" fragment F{level} on Query {{ s: self {{ ...{f} ...{g} }} t: self {{ ...{g} }} }} fragment G{level} on Query {{ s: self {{ ...{g} ...{f} }} t: self {{ ...{f} }} }}",
            });
        }
        text.Append(CultureInfo.InvariantCulture, $" fragment F{levels} on Query {{ hello }}");
        if (shape == 2)
        {
            text.Append(CultureInfo.InvariantCulture, $" fragment G{levels} on Query {{ hello }}");
        }
        return Case($"fragments under fields, shape {shape}, {levels} levels", text.ToString(), answer =>
            levels + 1 > MaxDepth ? ExpectCode(answer, "MAX_DEPTH_EXCEEDED") : null);
    }

    /// <summary>Fields nested up to past the parser's nesting limit, or inline fragments nested (which add no depth).</summary>
    private static LimitsFuzzCase DeepNesting(Random random, int index)
    {
        var depth = random.Next(3) == 0 ? random.Next(200, 300) : random.Next(1, 20);
        if (random.Next(2) == 0)
        {
            var fields = string.Concat(Enumerable.Repeat("self { ", depth)) + "hello" + new string('}', depth);
            var expected = string.Concat(Enumerable.Repeat("{\"self\":", depth)) + "{\"hello\":\"hi\"}" + new string('}', depth);
            return Case($"{depth} nested fields", "{ " + fields + " }", answer =>
                depth + 1 <= MaxDepth ? ExpectData(answer, expected) : ExpectOneOfCodes(answer, "MAX_DEPTH_EXCEEDED", "GRAPHQL_PARSE_FAILED"));
        }
        var inline = string.Concat(Enumerable.Repeat("... on Query { ", depth)) + "hello" + new string('}', depth);
        return Case($"{depth} nested inline fragments", "{ " + inline + " }", answer => ExpectDataOrCode(answer, "{\"hello\":\"hi\"}", "GRAPHQL_PARSE_FAILED"));
    }

    /// <summary>Thousands of aliases, repeats of one field, or aliased fields with arguments, up to past the token limit.</summary>
    private static LimitsFuzzCase WideSelection(Random random, int index)
    {
        var width = random.Next(100, 6_000);
        switch (random.Next(3))
        {
            case 0:
                var aliases = string.Join(' ', Enumerable.Range(0, width).Select(i => $"a{i}: hello"));
                return Case($"{width} aliases", "{ " + aliases + " }", answer =>
                    ExpectOneOfCodes(answer, "GRAPHQL_PARSE_FAILED") is null ? null
                    : answer.TryGetProperty("data", out var data) && data.EnumerateObject().Count() == width ? null : $"not {width} keys");
            case 1:
                var repeats = string.Concat(Enumerable.Repeat("hello ", width));
                return Case($"{width} repeats of one field", "{ " + repeats + " }", answer =>
                    ExpectDataOrCode(answer, "{\"hello\":\"hi\"}", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"));
            default:
                var withArguments = string.Join(' ', Enumerable.Range(0, width / 4).Select(i => $"e{i}: echo(text: \"{i}\", numbers: [{i}, {i + 1}]) s{i}: self {{ hello }}"));
                return Case($"{width / 4} aliased pairs with arguments", "{ " + withArguments + " }", null);
        }
    }

    /// <summary>A list variable of up to 300,000 numbers (bodies past the 1 MB limit get 413).</summary>
    private static LimitsFuzzCase LongListVariable(Random random, int index)
    {
        var count = random.Next(3) == 0 ? random.Next(100_000, 300_000) : random.Next(0, 20_000);
        var numbers = "[" + string.Join(',', Enumerable.Range(0, count).Select(i => (i * 7919) % 100_000)) + "]";
        var body = $"{{\"query\":\"query($n: [Int]) {{ echo(numbers: $n) }}\",\"variables\":{{\"n\":{numbers}}}}}";
        return new LimitsFuzzCase($"list variable of {count} numbers", body, null, answer => ExpectDataOrCode(answer, $"{{\"echo\":\"text=0 numbers={count} depth=0\"}}"));
    }

    /// <summary>Long strings as a variable, a literal or a block string: escapes, pairs, and now and then a lone surrogate.</summary>
    private static LimitsFuzzCase LongString(Random random, int index)
    {
        var length = random.Next(3) == 0 ? random.Next(300_000, 1_100_000) : random.Next(0, 50_000);
        var piece = random.Next(4) switch
        {
            0 => "a",
            1 => "\\n\\\"\\u00e9",
            2 => "\\ud83d\\ude00",
            _ => "\\ud800",
        };
        var text = string.Concat(Enumerable.Repeat(piece, Math.Max(1, length / piece.Length)));
        var body = random.Next(3) switch
        {
            0 => $"{{\"query\":\"query($t: String) {{ echo(text: $t) }}\",\"variables\":{{\"t\":\"{text}\"}}}}",
            1 => $"{{\"query\":\"{{ echo(text: \\\"{text}\\\") }}\"}}",
            _ => $"{{\"query\":\"{{ echo(text: \\\"\\\"\\\"{text.Replace("\\\"", "", StringComparison.Ordinal)}\\\"\\\"\\\") }}\"}}",
        };
        return new LimitsFuzzCase($"string of {text.Length} characters of {piece}", body, null, null);
    }

    /// <summary>An input object variable nested up to past System.Text.Json's depth limit of 64.</summary>
    private static LimitsFuzzCase NestedInputVariable(Random random, int index)
    {
        var depth = random.Next(1, 80);
        var input = string.Concat(Enumerable.Repeat("{\"nested\":", depth)) + "{\"text\":\"x\"}" + new string('}', depth);
        var body = $"{{\"query\":\"query($i: EchoInput) {{ echo(input: $i) }}\",\"variables\":{{\"i\":{input}}}}}";
        return new LimitsFuzzCase($"input object {depth} deep", body, null, answer => ExpectDataOrCode(answer, $"{{\"echo\":\"text=0 numbers=0 depth={depth + 1}\"}}"));
    }

    /// <summary>Numbers JSON allows and GraphQL does not: out of range, infinite once read as a double, long digit strings.</summary>
    private static LimitsFuzzCase Numbers(Random random, int index)
    {
        string[] numbers = ["1e400", "-1e400", "1e-400", "123456789012345678901234567890", "2147483648", "-2147483649", "0.5", "1" + new string('0', random.Next(1, 5_000))];
        var number = numbers[random.Next(numbers.Length)];
        var name = number.Length > 40 ? number[..40] + "..." : number;
        var variables = $",\"variables\":{{\"v\":{number}}}}}";
        return random.Next(4) switch
        {
            0 => new LimitsFuzzCase($"Float variable {name}", "{\"query\":\"query($v: Float) { float(value: $v) }\"" + variables, null, null),
            1 => new LimitsFuzzCase($"Int variable {name}", "{\"query\":\"query($v: Int) { items(first: $v) { hello } }\"" + variables, null, null),
            2 => Case($"Float literal {name}", $"{{ float(value: {number}) }}", null),
            _ => Case($"Int literal {name}", $"{{ items(first: {number}) {{ hello }} }}", null),
        };
    }

    /// <summary>Nested slicing arguments whose product passes 2^63: refused, never wrapped around to a small cost.</summary>
    private static LimitsFuzzCase OverflowingListSizes(Random random, int index)
    {
        var depth = random.Next(2, 8);
        var first = random.Next(2) == 0 ? int.MaxValue : random.Next(1 << 20, int.MaxValue);
        var query = string.Concat(Enumerable.Repeat($"items(first: {first}) {{ ", depth)) + "hello" + new string('}', depth);
        return Case($"{depth} nested lists of {first}", "{ " + query + " }", answer =>
            depth + 1 > MaxDepth ? ExpectCode(answer, "MAX_DEPTH_EXCEEDED") : ExpectCode(answer, "MAX_COST_EXCEEDED"));
    }

    /// <summary>The same kinds of document over GET, where a long URL is refused by the server before GraphQL sees it.</summary>
    private static LimitsFuzzCase Get(Random random, int index)
    {
        var levels = random.Next(0, 46);
        var query = random.Next(3) switch
        {
            0 => HostileDocuments.Doubling(levels, "__typename"),
            1 => "{ " + string.Concat(Enumerable.Repeat("self { ", levels)) + "hello" + new string('}', levels) + " }",
            _ => "{ ...G0 } fragment G0 on Query { ...G0 }",
        };
        var variables = random.Next(2) == 0 ? "&variables=" + Uri.EscapeDataString("{\"v\":\"\\ud800\"}") : "";
        return new LimitsFuzzCase($"GET {query[..Math.Min(40, query.Length)]}...", null, "?query=" + Uri.EscapeDataString(query) + variables, null);
    }

    private static LimitsFuzzCase Case(string name, string query, Func<JsonElement, string?>? check) =>
        new(name, JsonSerializer.Serialize(new Dictionary<string, string> { ["query"] = query }), null, check);

    private static string? ExpectData(JsonElement answer, string data) =>
        answer.TryGetProperty("data", out var actual) && actual.GetRawText() == data && !answer.TryGetProperty("errors", out _)
            ? null
            : $"expected data {Truncate(data)}";

    private static string? ExpectCode(JsonElement answer, string code) => ExpectOneOfCodes(answer, code);

    private static string? ExpectOneOfCodes(JsonElement answer, params string[] codes) =>
        !answer.TryGetProperty("data", out _)
        && answer.TryGetProperty("errors", out var errors)
        && errors.EnumerateArray().Any(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) && codes.Contains(c.GetString()))
            ? null
            : $"expected a request error {string.Join(" or ", codes)}";

    /// <summary>The data, or (for sizes past a limit) a request error with one of the codes, or an HTTP-level refusal.</summary>
    private static string? ExpectDataOrCode(JsonElement answer, string data, params string[] codes) =>
        ExpectData(answer, data) is null || ExpectOneOfCodes(answer, [.. codes, "BAD_REQUEST"]) is null ? null : $"expected data {Truncate(data)} or {string.Join(", ", codes)}";

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
