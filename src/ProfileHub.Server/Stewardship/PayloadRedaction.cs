using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProfileHub.Server.Stewardship;

/// <summary>
/// Takes an erased person out of a stored inbound payload (a SendGrid batch, a Segment tracking call): a body
/// batches many people's events, so only the array elements that mention the person go, the others stay to be
/// processed or audited. A body that mentions the person outside any array element is theirs alone and goes
/// whole. A string mentions the person when it equals one of their values (ignoring case: a source key, a
/// phone as written) or contains one of their email addresses ("Erin &lt;erin@example.com&gt;").
/// </summary>
internal sealed class PayloadRedaction(IReadOnlyCollection<string> values, IReadOnlyCollection<string> emails)
{
    /// <summary>What a payload that mentions the person contains somewhere (for the database's search).</summary>
    public IEnumerable<string> Values => values.Concat(emails);

    /// <summary>The body without the person's elements; null when the whole body is about them (delete it).</summary>
    public string? Redact(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            // Not JSON (stored as received): it cannot be taken apart, and it names the person.
            return null;
        }

        if (root is null)
        {
            return body;
        }

        var removed = Prune(root);
        return Mentions(root) ? null : removed ? root.ToJsonString() : body;
    }

    /// <summary>Removes every array element that mentions the person; true when something was removed.</summary>
    private bool Prune(JsonNode node)
    {
        var removed = false;
        switch (node)
        {
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is { } item && Mentions(item))
                    {
                        if (item is JsonValue || !Prune(item) || Mentions(item))
                        {
                            array.RemoveAt(i);
                        }

                        removed = true;
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList())
                {
                    removed |= child is not null && Prune(child);
                }

                break;
        }

        return removed;
    }

    private bool Mentions(JsonNode node) => node switch
    {
        JsonArray array => array.Any(n => n is not null && Mentions(n)),
        JsonObject obj => obj.Any(p => p.Value is not null && Mentions(p.Value)),
        JsonValue value when value.TryGetValue<string>(out var text) => Mentions(text),
        _ => false,
    };

    public bool Mentions(string text) =>
        values.Any(v => text.Trim().Equals(v, StringComparison.OrdinalIgnoreCase))
        || emails.Any(e => text.Contains(e, StringComparison.OrdinalIgnoreCase));
}
