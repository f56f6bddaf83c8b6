namespace ProfileHub.Core.Profiles;

/// <summary>
/// The unified customer. Its id is stable across re-runs: a profile that gains records keeps its id, and
/// when two profiles merge the older id survives while the other is kept, marked merged into it, so ids
/// handed out earlier still resolve.
/// </summary>
public sealed class GoldenProfile
{
    private GoldenProfile()
    {
    }

    public GoldenProfile(Guid id, DateTimeOffset createdAt)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A profile id cannot be empty.", nameof(id));
        }

        Id = id;
        CreatedAt = createdAt.ToUniversalTime();
        UpdatedAt = CreatedAt;
        Status = ProfileStatus.Active;
        Version = 1;
    }

    /// <summary>Creates a profile with a time-ordered (version 7) id, so ids sort by creation.</summary>
    public static GoldenProfile Create(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new GoldenProfile(Guid.CreateVersion7(now), now);
    }

    public Guid Id { get; private set; }

    /// <summary>Optimistic concurrency: every change increments it; a steward's edit names the version it saw.</summary>
    public int Version { get; private set; }

    public ProfileStatus Status { get; private set; }

    public Guid? MergedIntoId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    // The survivors of the most-queried attributes, copied here from Attributes so that filters, sorting
    // and keyset pagination run on indexed columns instead of a pivot over the attribute table.
    public string? GivenName { get; private set; }

    public string? FamilyName { get; private set; }

    public string? PrimaryEmail { get; private set; }

    public string? PrimaryPhone { get; private set; }

    public string? City { get; private set; }

    public string? Country { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>Every survived attribute value with its lineage.</summary>
    public List<ProfileAttributeValue> Attributes { get; } = [];

    /// <summary>Replaces the survived attributes (after survivorship ran for this profile) and bumps the version.</summary>
    public void ReplaceAttributes(IEnumerable<ProfileAttributeValue> survived, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(survived);
        EnsureActive();
        Attributes.Clear();
        Attributes.AddRange(survived);
        GivenName = First(AttributeNames.FirstName);
        FamilyName = First(AttributeNames.LastName);
        PrimaryEmail = First(AttributeNames.Email);
        PrimaryPhone = First(AttributeNames.Phone);
        City = First(AttributeNames.City);
        Country = First(AttributeNames.Country);
        BirthDate = DateOnly.TryParseExact(First(AttributeNames.BirthDate), "yyyy-MM-dd", out var date) ? date : null;
        Changed(now);
    }

    /// <summary>This profile was absorbed by <paramref name="survivor"/>; its id stays resolvable.</summary>
    public void MergeInto(GoldenProfile survivor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        EnsureActive();
        if (survivor.Id == Id)
        {
            throw new InvalidOperationException("A profile cannot be merged into itself.");
        }

        Status = ProfileStatus.Merged;
        MergedIntoId = survivor.Id;
        Changed(now);
    }

    /// <summary>Right to erasure: the profile keeps only its id and status; attributes are gone.</summary>
    public void Erase(DateTimeOffset now)
    {
        if (Status == ProfileStatus.Erased)
        {
            throw new InvalidOperationException($"Profile {Id} is already erased.");
        }

        Status = ProfileStatus.Erased;
        Attributes.Clear();
        GivenName = FamilyName = PrimaryEmail = PrimaryPhone = City = Country = null;
        BirthDate = null;
        Changed(now);
    }

    private void EnsureActive()
    {
        if (Status != ProfileStatus.Active)
        {
            throw new InvalidOperationException($"Profile {Id} is {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void Changed(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now.ToUniversalTime();
    }

    private string? First(string attribute)
    {
        ProfileAttributeValue? best = null;
        foreach (var candidate in Attributes)
        {
            if (candidate.Name == attribute && (best is null || candidate.Ordinal < best.Ordinal))
            {
                best = candidate;
            }
        }

        return best?.Value;
    }
}
