using System.Text;
using ProfileHub.Server.Resolve;
using ProfileHub.Server.Tests.Support;

namespace ProfileHub.Server.Tests.Resolve;

public sealed class ResolveVerbTests : IDisposable
{
    private const string Header = "rec_id,first,last,email,phone,dob,city\n";

    private static readonly string[] Map =
        ["first=FirstName", "last=LastName", "email=Email", "phone=Phone", "dob=BirthDate", "city=City"];

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (int ExitCode, string Stderr, Dictionary<string, string> Profiles) Run(string csv, string[]? map = null, string idColumn = "rec_id", bool explain = false) =>
        Run(Encoding.UTF8.GetBytes(csv), map, idColumn, explain);

    private (int ExitCode, string Stderr, Dictionary<string, string> Profiles) Run(byte[] csv, string[]? map = null, string idColumn = "rec_id", bool explain = false)
    {
        var input = _files.Write("people.csv", csv);
        var output = _files.PathOf("profiles.csv");
        var stderr = new StringWriter();
        var options = new ResolveOptions(
            new FileInfo(input), idColumn, map ?? Map, new FileInfo(output), explain ? new FileInfo(_files.PathOf("pairs.csv")) : null);
        var exitCode = ResolveVerb.Run(options, TextWriter.Null, stderr);
        var profiles = File.Exists(output)
            ? File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : [];
        return (exitCode, stderr.ToString(), profiles);
    }

    private static string People(int count)
    {
        var text = new StringBuilder(Header);
        string[] first = ["oliver", "amelia", "harry", "isla", "jack", "ava", "george", "mia", "noah", "emily"];
        string[] last = ["abernathy", "blackwood", "castellano", "dunmore", "eastwick", "fairbanks", "gallagher", "hollis"];
        for (var i = 0; i < count; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i},{first[i % first.Length]},{last[i / first.Length % last.Length]},person{i}@example.org,+4477009{i:00000},{1950 + (i % 50)}-0{1 + (i % 9)}-1{i % 10},leeds\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Resolve_writes_every_record_once_and_links_the_duplicates()
    {
        var csv = People(120) + "dup-a, Robert ,Castellano,rob.c@gmail.com,,1979-08-30,York\n" + "dup-b,Bob,Castellano,robc+x@gmail.com,,30/08/1979,York\n";

        var (exitCode, _, profiles) = Run(csv);

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Equal(122, profiles.Count);
        Assert.Equal(profiles["dup-a"], profiles["dup-b"]);
        Assert.NotEqual(profiles["p1"], profiles["p2"]);
    }

    [Fact]
    public void Resolve_writes_explanations_a_chart_can_draw()
    {
        var csv = People(120) + "dup-a,Robert,Castellano,rob.c@gmail.com,,1979-08-30,York\n" + "dup-b,Bob,Castellano,rob.c@gmail.com,,30/08/1979,York\n";

        Run(csv, explain: true);
        var lines = File.ReadAllLines(_files.PathOf("pairs.csv"));

        Assert.StartsWith("record_id_a,record_id_b,decision,match_weight,match_probability,prior_weight,first_name_level,first_name_weight", lines[0], StringComparison.Ordinal);
        var pair = Assert.Single(lines, l => l.Contains("dup-a", StringComparison.Ordinal) && l.Contains("dup-b", StringComparison.Ordinal));
        Assert.Contains(",linked,", pair, StringComparison.Ordinal);
        Assert.Contains("email exact", pair, StringComparison.Ordinal);
    }

    [Fact]
    public void A_six_row_file_links_its_obvious_duplicates_and_explains_every_scored_pair()
    {
        // Too few pairs to train on: the shipped default model scores them (issue 13's first small file).
        var csv = Header
            + "1,Jane,Doe,Jane.Doe@Example.COM,+44 7700 900123,,Leeds\n"
            + "2,J,Doe,  jane.doe@example.com ,+447700900123,,Leeds\n"
            + "3,Omar,Haddad,omar.h@example.org,+44 7700 900456,,York\n"
            + "4,Priya,Raman,priya.r@example.net,,,Bath\n"
            + "5,Tom,Ellis,,+44 7700 900789,,Hull\n"
            + "6,Ana,Doe,ana.doe@example.es,,,Leeds\n";

        var (exitCode, stderr, profiles) = Run(csv, explain: true);
        var pairs = File.ReadAllLines(_files.PathOf("pairs.csv")).Skip(1).ToList();

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Equal(profiles["1"], profiles["2"]);
        Assert.Equal(5, profiles.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(pairs, l => l.StartsWith("1,2,linked,", StringComparison.Ordinal));
        // Every candidate pair the engine scored is explained, the ones it kept apart too (1 and 6 share a surname and a city).
        var candidates = int.Parse(System.Text.RegularExpressions.Regex.Match(stderr, @"(\d+) candidate pairs").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(candidates, pairs.Count);
        Assert.Contains(pairs, l => l.StartsWith("1,6,apart,", StringComparison.Ordinal) || l.StartsWith("6,1,apart,", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_is_deterministic()
    {
        var csv = People(150);

        var first = Run(csv).Profiles;
        var second = Run(csv).Profiles;

        Assert.Equal(first, second);
    }

    [Fact]
    public void An_empty_file_is_an_input_error()
    {
        var (exitCode, stderr, _) = Run(string.Empty);

        Assert.Equal(ResolveExitCode.InputError, exitCode);
        Assert.Contains("empty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_id_column_is_an_input_error_naming_the_columns()
    {
        var (exitCode, stderr, _) = Run(People(3), idColumn: "id");

        Assert.Equal(ResolveExitCode.InputError, exitCode);
        Assert.Contains("id column 'id' is not in the header", stderr, StringComparison.Ordinal);
        Assert.Contains("rec_id", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_record_ids_are_an_input_error_with_line_numbers()
    {
        var (exitCode, stderr, _) = Run(Header + "a,x,y,,,,\nb,x,y,,,,\na,z,w,,,,\n");

        Assert.Equal(ResolveExitCode.InputError, exitCode);
        Assert.Contains("line 4: record id 'a' already used on line 2", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first=Nickname", "unknown attribute 'Nickname'")]
    [InlineData("first", "not of the form column=Attribute")]
    [InlineData("other=LastName", "attribute LastName already has a column")]
    public void A_bad_mapping_is_a_usage_error(string extra, string message)
    {
        var (exitCode, stderr, _) = Run(People(3), [.. Map, extra]);

        Assert.Equal(ResolveExitCode.Usage, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapped_column_missing_from_the_header_is_an_input_error()
    {
        var (exitCode, stderr, _) = Run(People(3), [.. Map, "loyalty=LoyaltyId"]);

        Assert.Equal(ResolveExitCode.InputError, exitCode);
        Assert.Contains("mapped column(s) not in the header: loyalty", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_columns_may_map_to_a_multi_valued_attribute()
    {
        var csv = "rec_id,first,last,email,work_email\n" + "a,oliver,hollis,o@example.com,oh@work.example\n" + "b,amelia,dunmore,,\n";

        var (exitCode, _, profiles) = Run(csv, ["first=FirstName", "last=LastName", "email=Email", "work_email=Email"]);

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Equal(2, profiles.Count);
    }

    [Fact]
    public void A_ragged_row_is_reported_with_its_line_and_kept_as_its_own_profile()
    {
        var csv = People(20) + "short,only,three\n" + ",no,id,,,,\n";

        var (exitCode, stderr, profiles) = Run(csv);

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Contains("line 22: 3 fields where the header has 7", stderr, StringComparison.Ordinal);
        Assert.Contains("line 23: no value in id column", stderr, StringComparison.Ordinal);
        Assert.True(profiles.ContainsKey("short"));
        Assert.Equal(21, profiles.Count);
        Assert.Contains("2 malformed rows (lines 22, 23), 1 of them dropped (line 23)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_costs_only_its_own_row_and_is_reported_with_its_line()
    {
        var csv = Header
            + "a1,oliver,hollis,o@example.com,,,leeds\n"
            + "a2,\"amelia,dunmore,a@example.com,,,york\n"
            + "a3,harry,castellano,h@example.com,,,bath\n"
            + "a4,isla,eastwick,i@example.com,,,hull\n"
            + "a5,jack,fairbanks,j@example.com,,,ely\n"
            + "a6,ava,gallagher,v@example.com,,,wells\n";

        var (exitCode, stderr, profiles) = Run(csv);

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Equal(["a1", "a2", "a3", "a4", "a5", "a6"], profiles.Keys.Order());
        Assert.Contains("malformed: line 3: malformed CSV: unterminated quote", stderr, StringComparison.Ordinal);
        Assert.Contains("resolved 6 records", stderr, StringComparison.Ordinal);
        Assert.Contains("1 malformed rows (line 3), 0 of them dropped", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Latin1_input_is_decoded_with_a_warning()
    {
        var csv = Encoding.Latin1.GetBytes(People(10) + "z1,José,Muñoz,,,,Málaga\n");

        var (exitCode, stderr, profiles) = Run(csv);

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Contains("not valid UTF-8 (first invalid byte on line 12); decoded as Latin-1", stderr, StringComparison.Ordinal);
        Assert.Equal(11, profiles.Count);
    }

    [Fact]
    public void A_ten_thousand_character_name_is_reported_and_matched_on_its_start()
    {
        var csv = People(10) + $"long,{new string('a', 10_000)},hollis,,,,\n";

        var (exitCode, stderr, profiles) = Run(csv);

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.Contains("line 12: column 'first' holds 10000 characters", stderr, StringComparison.Ordinal);
        Assert.True(profiles.ContainsKey("long"));
    }

    [Fact]
    public void An_unparseable_birth_date_is_kept_and_not_fatal()
    {
        var (exitCode, _, profiles) = Run(People(10) + "d1,oliver,hollis,,,31/02/1980,leeds\n");

        Assert.Equal(ResolveExitCode.Success, exitCode);
        Assert.True(profiles.ContainsKey("d1"));
    }

    [Fact]
    public void The_verb_is_wired_with_its_options()
    {
        var command = ResolveVerb.Create();

        Assert.Equal("resolve", command.Name);
        Assert.Contains(command.Options, o => o.Name == "--input");
        Assert.Contains(command.Options, o => o.Name == "--explain");
        var parse = command.Parse(["--input", "x.csv", "--id-column", "id", "--map", "a=FirstName", "--map", "b=Email", "--output", "o.csv"]);
        Assert.Empty(parse.Errors);
    }
}
