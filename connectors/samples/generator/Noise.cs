using Bogus;

namespace ProfileHub.SampleData;

/// <summary>The ways real source data differs from the truth: typos, nicknames, missing values, case and spacing.</summary>
internal sealed class Noise(Randomizer random)
{
    private static readonly Dictionary<string, string> Nicknames = new(StringComparer.Ordinal)
    {
        ["Robert"] = "Bob", ["William"] = "Bill", ["Elizabeth"] = "Liz", ["Katherine"] = "Kate", ["Michael"] = "Mike",
        ["Jennifer"] = "Jen", ["Thomas"] = "Tom", ["Christopher"] = "Chris", ["Margaret"] = "Maggie", ["Daniel"] = "Dan",
        ["Joseph"] = "Joe", ["Patricia"] = "Pat", ["Richard"] = "Rick", ["Susan"] = "Sue", ["James"] = "Jim", ["Anthony"] = "Tony",
    };

    /// <summary>The name as typed into one system: usually right, sometimes a nickname or a typo.</summary>
    public string GivenName(string name) => random.Number(99) switch
    {
        < 8 when Nicknames.TryGetValue(name, out var nickname) => nickname,
        < 13 => Typo(name),
        < 16 => name.ToUpperInvariant(),
        _ => name,
    };

    public string FamilyName(string name) => random.Number(99) < 5 ? Typo(name) : name;

    public string Email(string email) => random.Number(99) switch
    {
        < 10 => email.ToUpperInvariant(),
        < 14 => " " + email + " ",
        _ => email,
    };

    /// <summary>A phone as one system stores it: national or international, with or without punctuation.</summary>
    public string Phone(string e164) => random.Number(3) switch
    {
        0 => e164,
        1 => $"({e164[2..5]}) {e164[5..8]}-{e164[8..]}",
        2 => $"{e164[2..5]}.{e164[5..8]}.{e164[8..]}",
        _ => $"+1 {e164[2..5]} {e164[5..8]} {e164[8..]}",
    };

    public T? Sometimes<T>(T value, int percentMissing)
        where T : class => random.Number(99) < percentMissing ? null : value;

    public bool Chance(int percent) => random.Number(99) < percent;

    private string Typo(string name)
    {
        if (name.Length < 4)
        {
            return name;
        }

        var i = random.Number(1, name.Length - 2);
        var chars = name.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }
}
