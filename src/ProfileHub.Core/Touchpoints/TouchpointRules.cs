using System.Text.Json;

namespace ProfileHub.Core.Touchpoints;

/// <summary>
/// The four-way classification of touchpoints, read from the rule table <c>touchpoint-rules.json</c> (one
/// table per channel, one row per event type) so the rules are data that can be reviewed and extended
/// without touching the connectors that produce the events.
/// </summary>
public sealed class TouchpointRules
{
    private const string Fallback = "*";
    private const string ResourceName = "ProfileHub.Core.Touchpoints.touchpoint-rules.json";

    private readonly Dictionary<TouchpointChannel, Dictionary<string, TouchpointClassification>> _tables;

    private TouchpointRules(Dictionary<TouchpointChannel, Dictionary<string, TouchpointClassification>> tables)
    {
        _tables = tables;
    }

    /// <summary>The rule table embedded in ProfileHub.Core.</summary>
    public static TouchpointRules Default { get; } = LoadEmbedded();

    public IReadOnlyCollection<TouchpointChannel> Channels => _tables.Keys;

    /// <summary>The event types a channel's table lists (without the fallback row).</summary>
    public IEnumerable<string> TypesOf(TouchpointChannel channel) =>
        _tables.TryGetValue(channel, out var table) ? table.Keys.Where(k => k != Fallback) : [];

    public bool Lists(TouchpointChannel channel, string type) =>
        _tables.TryGetValue(channel, out var table) && table.ContainsKey(type);

    /// <summary>The classification of <paramref name="type"/> on <paramref name="channel"/>, or the channel's '*' row.</summary>
    public TouchpointClassification Classify(TouchpointChannel channel, string type)
    {
        var table = _tables.TryGetValue(channel, out var found)
            ? found
            : throw new InvalidOperationException($"The touchpoint rules have no table for channel {channel}.");
        return table.TryGetValue(type, out var row) ? row : table[Fallback];
    }

    /// <summary>Parses a rule document: {"Channel": {"event_type": "stage online controllable initiative", ...}}.</summary>
    public static TouchpointRules Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var tables = new Dictionary<TouchpointChannel, Dictionary<string, TouchpointClassification>>();
        foreach (var channel in document.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith("//", StringComparison.Ordinal)))
        {
            if (!Enum.TryParse<TouchpointChannel>(channel.Name, ignoreCase: false, out var key))
            {
                throw new FormatException($"Touchpoint rules: '{channel.Name}' is not a channel.");
            }

            var table = new Dictionary<string, TouchpointClassification>(StringComparer.Ordinal);
            foreach (var row in channel.Value.EnumerateObject())
            {
                table[row.Name] = ParseRow(channel.Name, row.Name, row.Value.GetString() ?? string.Empty);
            }

            if (!table.ContainsKey(Fallback))
            {
                throw new FormatException($"Touchpoint rules: channel {channel.Name} has no '*' row for unlisted event types.");
            }

            tables[key] = table;
        }

        return new TouchpointRules(tables);
    }

    private static TouchpointClassification ParseRow(string channel, string type, string row)
    {
        var words = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 4)
        {
            throw new FormatException($"Touchpoint rules {channel}.{type}: expected 'stage online|offline controllable|uncontrollable proactive|reactive', got '{row}'.");
        }

        return new TouchpointClassification(
            words[0] switch
            {
                "before" => JourneyStage.BeforePurchase,
                "during" => JourneyStage.DuringPurchase,
                "after" => JourneyStage.AfterPurchase,
                _ => throw new FormatException($"Touchpoint rules {channel}.{type}: unknown stage '{words[0]}'."),
            },
            Word(channel, type, words[1], "online", "offline"),
            Word(channel, type, words[2], "controllable", "uncontrollable"),
            Word(channel, type, words[3], "proactive", "reactive") ? Initiative.Proactive : Initiative.Reactive);
    }

    private static bool Word(string channel, string type, string word, string yes, string no) =>
        word == yes || (word == no ? false : throw new FormatException($"Touchpoint rules {channel}.{type}: expected '{yes}' or '{no}', got '{word}'."));

    private static TouchpointRules LoadEmbedded()
    {
        using var stream = typeof(TouchpointRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
