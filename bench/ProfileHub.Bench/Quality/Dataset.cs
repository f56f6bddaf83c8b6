using System.Text.RegularExpressions;

namespace ProfileHub.Bench.Quality;

/// <summary>A labelled dataset: how to map its columns for `resolve`, and how to read each record's true entity.</summary>
internal sealed partial record Dataset(
    string Name,
    string RelativePath,
    string IdColumn,
    string[] Map,
    Func<string, IReadOnlyDictionary<string, string>, string> TruthOf,
    double Target,
    double Floor)
{
    public Target Goal => new(Target, Floor);

    private static readonly string[] FebrlMap =
    [
        "given_name=FirstName", "surname=LastName", "street_number=StreetNumber", "address_1=Street",
        "address_2=AddressLine2", "suburb=City", "postcode=PostalCode", "state=Region", "date_of_birth=BirthDate",
    ];

    /// <summary>
    /// The datasets of shared/datasets/README.md with issue 3's F1 targets, and the regression floor that CI
    /// enforces: the F1 reached on 2026-11-22 after the recall work less about 0.003, but never below the
    /// issue's target (all five are met), so a change that makes matching worse fails the test command.
    /// Raise a floor whenever the engine improves.
    /// </summary>
    public static IReadOnlyList<Dataset> Labelled { get; } =
    [
        new("febrl/dataset1", "febrl/dataset1.csv", "rec_id", FebrlMap, FebrlTruth, 0.99, 0.99),
        new("febrl/dataset1 + soc_sec_id", "febrl/dataset1.csv", "rec_id", [.. FebrlMap, "soc_sec_id=NationalId"], FebrlTruth, 0.995, 0.996),
        new("febrl/dataset2", "febrl/dataset2.csv", "rec_id", FebrlMap, FebrlTruth, 0.99, 0.99),
        new("febrl/dataset2 + soc_sec_id", "febrl/dataset2.csv", "rec_id", [.. FebrlMap, "soc_sec_id=NationalId"], FebrlTruth, 0.995, 0.995),
        // Floor 0.913 since issue 13 (was 0.926): fake_1000's duplicates corrupt every field but the names, and
        // names alone (with a birth date ten years off and a misspelt city) no longer join two profiles, which is
        // what keeps namesakes apart in real customer bases. F1 0.929 -> 0.917 (recall 0.868 -> 0.846), precision stays 1.000.
        new("splink/fake_1000", "splink/fake_1000.csv", "unique_id",
            ["first_name=FirstName", "surname=LastName", "dob=BirthDate", "city=City", "email=Email"],
            (_, row) => row["cluster"], 0.90, 0.913),
    ];

    /// <summary>rec-&lt;n&gt;-org / rec-&lt;n&gt;-dup-&lt;k&gt;: the same n is the same person.</summary>
    private static string FebrlTruth(string id, IReadOnlyDictionary<string, string> row) =>
        FebrlId().Match(id) is { Success: true } m ? m.Groups[1].Value : id;

    [GeneratedRegex(@"^rec-(\d+)-")]
    private static partial Regex FebrlId();
}
