namespace ProfileHub.Core.Access;

/// <summary>
/// The fact that an API key read personal data of a profile: which key (its id and name, never its secret),
/// which profile, through which root field of the API (<c>profile</c>, <c>searchProfiles</c>, <c>audience</c>,
/// <c>subjectAccess</c>, ...), and when. One row per profile and root field of a request. It holds no personal
/// value, so erasing the profile keeps it: the fact of the read stays, and the profile id then names an erased
/// profile.
/// </summary>
public sealed class PersonalDataRead
{
    private PersonalDataRead()
    {
        KeyName = string.Empty;
        Field = string.Empty;
    }

    public PersonalDataRead(int apiKeyId, string keyName, string field, Guid profileId, DateTimeOffset readAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ApiKeyId = apiKeyId;
        KeyName = keyName;
        Field = field;
        ProfileId = profileId;
        ReadAt = readAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public int ApiKeyId { get; private set; }

    /// <summary>The key's name when it read (a key is revoked, never renamed or deleted).</summary>
    public string KeyName { get; private set; }

    /// <summary>The root field of the request that returned the data, e.g. <c>profileByIdentifier</c>.</summary>
    public string Field { get; private set; }

    public Guid ProfileId { get; private set; }
}
