using ProfileHub.Core.Segments;

namespace ProfileHub.Server.Segments;

/// <summary>A segment operation refused as asked; nothing was changed. The API turns it into a coded GraphQL error.</summary>
internal sealed class SegmentException : Exception
{
    public const string InvalidRule = "INVALID_RULE";
    public const string InvalidSchedule = "INVALID_SCHEDULE";
    public const string NotFound = "NOT_FOUND";
    public const string AlreadyExists = "ALREADY_EXISTS";
    public const string InUse = "IN_USE";

    /// <summary>The API's refusal code (ApiAccess): the rule filters on personal data the caller may not read.</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    public SegmentException()
        : this(NotFound, "The segment operation failed.")
    {
    }

    public SegmentException(string message)
        : this(NotFound, message)
    {
    }

    public SegmentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = NotFound;
        Details = new Dictionary<string, object?>();
    }

    public SegmentException(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    public string Code { get; }

    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>INVALID_RULE at the first problem, with its line, column and token (and every problem listed).</summary>
    public static SegmentException From(RuleException e) => e.Errors is [var first, ..]
        ? new SegmentException(InvalidRule, $"The rule is invalid at {first}", new Dictionary<string, object?>
        {
            ["line"] = first.Position.Line,
            ["column"] = first.Position.Column,
            ["token"] = first.Token,
            ["problems"] = e.Errors.Select(p => p.ToString()).ToList(),
        })
        : new SegmentException(InvalidRule, e.Message);
}
