using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;

namespace ProfileHub.Connectors.Social;

/// <summary>
/// A social-listening tool's CSV export (mentions, comments, replies, direct messages across platforms) read
/// through a column mapping, since every tool names its columns differently. Settings: `path`, `pattern`,
/// `columns` (field → CSV header for id, author_id, author_name, text, created_at, type, platform, url; a field
/// left out is read from the column of its own name), `defaultType` (for exports without a type column).
/// </summary>
internal sealed class SocialListeningCsvSource(ConnectorMapper mapping) : IConnectorSource
{
    public const string FormatName = "listening-csv";

    private static readonly string[] Fields = ["id", "author_id", "author_name", "text", "created_at", "type", "platform", "url"];

    public ConnectorKind Kind => ConnectorKind.Social;

    public string Format => FormatName;

    public IAsyncEnumerable<SourceBatch> ReadAsync(ConnectorContext context, string? watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var configured = context.Settings.GetMap("columns");
        var columns = Fields.ToDictionary(f => f, f => configured.TryGetValue(f, out var header) ? header : f, StringComparer.Ordinal);
        var defaultType = context.Settings.GetString("defaultType");
        return FileBatches.ReadAsync(context, watermark, "*.csv", (file, _) => Task.FromResult(ReadFile(file, columns, defaultType)), cancellationToken);
    }

    private SourceBatch ReadFile(ExportFile file, Dictionary<string, string> columns, string? defaultType)
    {
        var rejected = new List<RejectedRow>();
        var posts = new List<SocialPost>();
        foreach (var row in VendorCsv.Read(file, rejected))
        {
            var post = Post(row, columns, defaultType, out var problem);
            if (post is null)
            {
                rejected.Add(new RejectedRow($"{file.Name}:{row.Line}", row.Raw, problem!));
            }
            else
            {
                posts.Add(post);
            }
        }

        return SocialBatch.From(mapping.Mapper, posts, rejected, posts.Count + rejected.Count, null);
    }

    private static SocialPost? Post(CsvRow row, Dictionary<string, string> columns, string? defaultType, out string? problem)
    {
        var id = row[columns["id"]];
        var at = VendorTime.ParseIso(row[columns["created_at"]]);
        var type = Type(row[columns["type"]] ?? defaultType);
        problem = id is null ? $"missing {columns["id"]}"
            : at is null ? $"missing or unreadable {columns["created_at"]} '{row[columns["created_at"]]}'"
            : type is null ? $"unknown interaction type '{row[columns["type"]] ?? defaultType}' (comment, reply, mention, direct_message)"
            : null;
        if (problem is not null)
        {
            return null;
        }

        var platform = row[columns["platform"]]?.ToLowerInvariant() ?? "social";
        return new SocialPost($"{platform}:{id}", type!, at!.Value, row[columns["author_id"]], row[columns["author_name"]], platform, row[columns["text"]], row[columns["url"]], null, null);
    }

    /// <summary>The interaction types of the Social rule table, from the words listening tools use.</summary>
    private static string? Type(string? raw) => raw?.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_') switch
    {
        "comment" => "comment",
        "reply" or "response" => "reply",
        "mention" or "post" or "tweet" => "mention",
        "direct_message" or "dm" or "message" or "private_message" => "direct_message",
        "review" => "review",
        _ => null,
    };
}
