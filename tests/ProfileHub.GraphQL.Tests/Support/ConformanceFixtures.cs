using System.Collections;
using System.Globalization;
using System.Text.Json;
using ProfileHub.GraphQL.Execution;
using ProfileHub.GraphQL.Types;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>
/// The differential run's schema and data on the C# side: <c>tests/conformance/graphql/schema.graphql</c> declared
/// through the code-first builder, with resolvers over <c>fixtures.json</c> that follow the same rules as
/// <c>fixtures.mjs</c> (graphql-js's side). Change both together.
/// </summary>
internal static class ConformanceFixtures
{
    private static readonly string[] EchoArguments = ["text", "number", "ratio", "flag", "channel", "ids"];

    public static string Folder { get; } = FindFolder();

    public static string SchemaFile => Path.Combine(Folder, "schema.graphql");

    public static Schema BuildSchema()
    {
        var data = new FixtureData(Path.Combine(Folder, "fixtures.json"));
        return SdlSchema.Build(File.ReadAllText(SchemaFile), (type, field, builder) => Configure(data, type, field, builder));
    }

    private static void Configure(FixtureData data, string type, string field, FieldBuilder builder)
    {
        switch ((type, field))
        {
            case ("Query", "profile"):
                builder.Resolve(c => data.Profile(c.Argument<string>("id")));
                break;
            case ("Query", "profiles"):
                builder.Resolve(c => SliceFirst(data.Profiles.Where(p => Matches(p, c.Arguments.GetValueOrDefault("where"))), c.Arguments.GetValueOrDefault("first")));
                break;
            case ("Query", "profileByKey"):
                builder.Resolve(c =>
                {
                    var key = (IReadOnlyDictionary<string, object?>)c.Arguments["key"]!;
                    return key.GetValueOrDefault("id") is string id
                        ? data.Profile(id)
                        : data.Profiles.FirstOrDefault(p => ((IList)p["emails"]!).Contains(key.GetValueOrDefault("email")));
                });
                break;
            case ("Query", "node"):
                builder.Resolve(c => data.Node(c.Argument<string>("id")));
                break;
            case ("Query", "nodes"):
                builder.Resolve(c => ((IList)c.Arguments["ids"]!).Cast<object?>().Select(id => data.Node((string)id!)).ToList());
                break;
            case ("Query", "search"):
                builder.Resolve(c =>
                {
                    var term = c.Argument<string>("term");
                    return data.Profiles.Where(p => Contains((string)p["name"]!, term))
                        .Concat(data.Touchpoints.Where(t => Contains((string)t["kind"]!, term)))
                        .ToList();
                });
                break;
            case ("Query", "echo"):
                builder.Resolve(c => string.Join(", ", EchoArguments.Where(c.HasArgument).Select(name => $"{name}={Format(c.Arguments[name])}")));
                break;
            case ("Mutation", "renameProfile"):
                builder.Resolve(c => data.Profile(c.Argument<string>("id")) is { } profile ? With(profile, "name", c.Arguments["name"]) : null);
                break;
            case ("Mutation", "tagProfile"):
                builder.Resolve(c => data.Profile(c.Argument<string>("id")) is { } profile ? With(profile, "tags", c.Arguments["tags"]) : null);
                break;
            case ("Profile", "touchpoints"):
                builder.Resolve(c =>
                {
                    var profile = c.Source<Dictionary<string, object?>>();
                    var channel = c.Arguments.GetValueOrDefault("channel");
                    var own = data.Touchpoints.Where(t => Equals(t["profileId"], profile["id"]) && (channel is null || Equals(t["channel"], channel)));
                    return SliceFirst(own, c.Arguments.GetValueOrDefault("first"));
                });
                break;
            case ("Profile", "friends"):
                builder.Resolve(c => ((IList)c.Source<Dictionary<string, object?>>()["friendIds"]!).Cast<object?>().Select(id => data.Profile((string)id!)).ToList());
                break;
            case ("Profile", "failing"):
                builder.Resolve(_ => throw new GraphQLException("Nickname service is unavailable."));
                break;
            case ("Profile", "failingNonNull"):
                builder.Resolve(_ => throw new GraphQLException("Could not compute the required value."));
                break;
            case ("Touchpoint", "profile"):
                builder.Resolve(c => data.Profile((string)c.Source<Dictionary<string, object?>>()["profileId"]!));
                break;
            default:
                break;
        }
    }

    private static List<Dictionary<string, object?>> SliceFirst(IEnumerable<Dictionary<string, object?>> items, object? first)
    {
        if (first is null)
        {
            return items.ToList();
        }

        var count = Convert.ToInt32(first, CultureInfo.InvariantCulture);
        return count < 0 ? throw new GraphQLException("Argument \"first\" must not be negative.") : items.Take(count).ToList();
    }

    private static bool Matches(Dictionary<string, object?> profile, object? where)
    {
        if (where is not IReadOnlyDictionary<string, object?> filter)
        {
            return true;
        }

        if (filter.GetValueOrDefault("channel") is { } channel && !((IList)profile["channels"]!).Contains(channel))
        {
            return false;
        }

        if (filter.GetValueOrDefault("minScore") is { } minScore
            && (profile["score"] is not double score || score < Convert.ToDouble(minScore, CultureInfo.InvariantCulture)))
        {
            return false;
        }

        if (filter.GetValueOrDefault("vip") is bool vip && !Equals(profile["vip"], vip))
        {
            return false;
        }

        if (filter.GetValueOrDefault("nameContains") is string part && !Contains((string)profile["name"]!, part))
        {
            return false;
        }

        return filter.GetValueOrDefault("and") is not IList all || all.Cast<object?>().All(inner => Matches(profile, inner));
    }

    private static bool Contains(string text, string part) =>
        text.ToLowerInvariant().Contains(part.ToLowerInvariant(), StringComparison.Ordinal);

    private static Dictionary<string, object?> With(Dictionary<string, object?> profile, string key, object? value) =>
        new(profile, StringComparer.Ordinal) { [key] = value };

    /// <summary>The value as JavaScript's <c>String(value)</c> prints it (arrays as <c>[a,b]</c>), as fixtures.mjs does.</summary>
    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IList list => "[" + string.Join(',', list.Cast<object?>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "conformance", "graphql");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/conformance/graphql was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>fixtures.json as plain values: each profile and touchpoint a dictionary carrying its <c>__typename</c>.</summary>
    private sealed class FixtureData
    {
        private readonly Dictionary<string, Dictionary<string, object?>> _byId = new(StringComparer.Ordinal);

        public FixtureData(string file)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            Profiles = Load(json.RootElement.GetProperty("profiles"), "Profile");
            Touchpoints = Load(json.RootElement.GetProperty("touchpoints"), "Touchpoint");
        }

        public List<Dictionary<string, object?>> Profiles { get; }

        public List<Dictionary<string, object?>> Touchpoints { get; }

        public Dictionary<string, object?>? Node(string id) => _byId.GetValueOrDefault(id);

        public Dictionary<string, object?>? Profile(string id) => Node(id) is { } node && Equals(node["__typename"], "Profile") ? node : null;

        private List<Dictionary<string, object?>> Load(JsonElement items, string typeName)
        {
            var loaded = new List<Dictionary<string, object?>>();
            foreach (var item in items.EnumerateArray())
            {
                var record = (Dictionary<string, object?>)Plain(item)!;
                record["__typename"] = typeName;
                _byId[(string)record["id"]!] = record;
                loaded.Add(record);
            }

            return loaded;
        }

        private static object? Plain(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
            JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToList(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number when element.TryGetInt64(out var integer) => integer,
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
