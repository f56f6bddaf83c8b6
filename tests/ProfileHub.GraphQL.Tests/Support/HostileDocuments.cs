using System.Text;

namespace ProfileHub.GraphQL.Tests.Support;

/// <summary>Small documents whose naive analysis is exponential: shared by the limit tests and the limits fuzz.</summary>
internal static class HostileDocuments
{
    /// <summary>
    /// <c>{...Fn} fragment F0 on T { leaf } fragment F1 on T { ...F0 ...F0 } ...</c>: each fragment spreads the previous one
    /// twice, so expanding every spread visits <c>leaf</c> 2^n times while the text grows by one fragment per level.
    /// </summary>
    public static string Doubling(int levels, string leaf, string type = "Query")
    {
        var text = new StringBuilder().Append("{...F").Append(levels).Append("} fragment F0 on ").Append(type).Append('{').Append(leaf).Append('}');
        for (var level = 1; level <= levels; level++)
        {
            text.Append(" fragment F").Append(level).Append(" on ").Append(type).Append("{...F").Append(level - 1).Append(" ...F").Append(level - 1).Append('}');
        }
        return text.ToString();
    }
}
