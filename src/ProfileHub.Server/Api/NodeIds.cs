using System.Globalization;
using ProfileHub.GraphQL.Execution;

namespace ProfileHub.Server.Api;

/// <summary>
/// The API's ids, readable and globally unique across types (what Relay's <c>node(id:)</c> needs): a profile
/// is its UUID (the same id `match` and `resolve` print), a source record is <c>rec_{n}</c>, a review item
/// <c>rev_{n}</c>. An id of the wrong form is a BAD_USER_INPUT error naming the argument.
/// </summary>
internal static class NodeIds
{
    public const string RecordPrefix = "rec_";
    public const string ReviewPrefix = "rev_";

    public static string Record(long id) => RecordPrefix + id.ToString(CultureInfo.InvariantCulture);

    public static string Review(long id) => ReviewPrefix + id.ToString(CultureInfo.InvariantCulture);

    public static string Profile(Guid id) => id.ToString();

    public static Guid ParseProfile(string id, string argument = "id") =>
        Guid.TryParse(id, out var guid) ? guid : throw Malformed(id, argument, "a profile id (a UUID)");

    public static long ParseRecord(string id, string argument = "recordId") => ParseNumbered(id, RecordPrefix, argument, "a source record id (rec_...)");

    public static long ParseReview(string id, string argument = "id") => ParseNumbered(id, ReviewPrefix, argument, "a review item id (rev_...)");

    private static long ParseNumbered(string id, string prefix, string argument, string what) =>
        id.StartsWith(prefix, StringComparison.Ordinal)
        && long.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Malformed(id, argument, what);

    private static GraphQLException Malformed(string id, string argument, string what) =>
        new($"\"{id}\" is not {what}.", ErrorCodes.BadUserInput, new Dictionary<string, object?> { ["argument"] = argument });
}
