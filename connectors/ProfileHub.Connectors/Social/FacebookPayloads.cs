using System.Text.Json.Serialization;

namespace ProfileHub.Connectors.Social;

/// <summary>
/// A comment as the Graph API returns it (GET /{object-id}/comments with
/// fields=id,message,created_time,from,parent,like_count). `from` is only present when the Page may see the
/// commenter; `parent` only on a reply.
/// </summary>
internal sealed class FacebookComment
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>ISO 8601 with a "+0000" offset, as the Graph API writes times.</summary>
    [JsonPropertyName("created_time")]
    public string? CreatedTime { get; init; }

    [JsonPropertyName("from")]
    public FacebookUser? From { get; init; }

    [JsonPropertyName("parent")]
    public FacebookParent? Parent { get; init; }

    [JsonPropertyName("like_count")]
    public int? LikeCount { get; init; }
}

/// <summary>A page-scoped user: the id is unique to this Page, the name is a display name (weak identity).</summary>
internal sealed class FacebookUser
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

internal sealed class FacebookParent
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
}

/// <summary>
/// A social interaction in either source format (a Graph API comment, a listening-tool row): what the mapping
/// profile turns into a touchpoint and, when the author is known, a weak-identity record.
/// </summary>
internal sealed record SocialPost(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? AuthorId,
    string? AuthorName,
    string? Platform,
    string? Text,
    string? Url,
    string? ParentId,
    int? Likes);
