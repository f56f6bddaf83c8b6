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
}
