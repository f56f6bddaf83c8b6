namespace ProfileHub.Server.Stewardship;

/// <summary>A steward's edit that cannot be applied as asked; nothing was changed. The API turns it into a coded GraphQL error.</summary>
internal sealed class StewardException : Exception
{
    public const string NotFound = "NOT_FOUND";
    public const string StaleVersion = "STALE_VERSION";
    public const string InvalidState = "INVALID_STATE";
    public const string ConstraintConflict = "CONSTRAINT_CONFLICT";
    public const string AlreadyErased = "ALREADY_ERASED";

    public StewardException()
    {
        Code = InvalidState;
    }

    public StewardException(string message)
        : base(message)
    {
        Code = InvalidState;
    }

    public StewardException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = InvalidState;
    }

    public StewardException(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    public string Code { get; }

    public IReadOnlyDictionary<string, object?> Details { get; } = new Dictionary<string, object?>();
}

/// <summary>A profile and the version the steward saw (optimistic concurrency).</summary>
internal sealed record ProfileVersion(Guid Id, int Version);
