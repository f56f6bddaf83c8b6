namespace ProfileHub.SampleData;

/// <summary>One member of the sample population: the truth every channel's file is a noisy view of.</summary>
internal sealed record Person(
    int Number,
    string FirstName,
    string LastName,
    string Email,
    string? OldEmail,
    string Phone,
    DateOnly BirthDate,
    string Street,
    string City,
    string Region,
    string PostalCode)
{
    public string UserId => $"u{Number:D5}";

    /// <summary>The person's handle on social networks, also kept in their web account.</summary>
    public string Handle => $"@{FirstName.ToLowerInvariant()}{LastName[..1].ToLowerInvariant()}{Number % 100}";
}
