using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Tests.Support;
using ProfileHub.GraphQL.Types;
using ProfileHub.GraphQL.Validation;

namespace ProfileHub.GraphQL.Tests.Conformance;

/// <summary>
/// Seeded mutants of the corpus (made by fuzz.mjs) parsed, printed and validated by graphql-js 17.1.0 and by the
/// engine: syntax errors, printed text and validation errors must agree. Two graphql-js 17 extensions beyond the
/// September 2025 grammar are left out: empty selection sets (<c>{}</c>; the spec has <c>{ Selection+ }</c>) and
/// directives applied to directive definitions.
/// </summary>
public partial class GraphQLJsFuzzConformanceTests
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    [Fact]
    public async Task Mutated_documents_parse_print_and_validate_as_in_graphql_js()
    {
        var (exitCode, output) = await NodeScript.RunAsync("fuzz.mjs", "4000", "20251122");
        Assert.True(exitCode == 0, output);
        var cases = JsonSerializer.Deserialize<List<FuzzCase>>(output[output.IndexOf('[', StringComparison.Ordinal)..], JsonOptions)!;
        var schema = ConformanceFixtures.BuildSchema();

        var mismatches = new StringBuilder();
        var compared = 0;
        foreach (var fuzzCase in cases.Where(c => !EmptyBraces().IsMatch(c.Source) && !DirectiveDefinition().IsMatch(c.Source)))
        {
            compared++;
            var expected = fuzzCase.SyntaxError is { } syntax ? Describe(syntax) : fuzzCase.Printed + "\n" + string.Join("\n", fuzzCase.Errors!.Select(Describe));
            var actual = Engine(schema, fuzzCase.Source);
            if (expected != actual)
            {
                mismatches.AppendLine(CultureInfo.InvariantCulture, $"source: {fuzzCase.Source}\n  graphql-js: {expected}\n  engine:     {actual}");
            }
        }

        Assert.True(compared > 3500, $"only {compared} mutants compared");
        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }

    private static string Engine(Schema schema, string source)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(source);
        }
        catch (GraphQLSyntaxException error)
        {
            return Describe(new FuzzError(error.Message, [.. error.Locations]));
        }

        var errors = DocumentValidator.Validate(schema, document).Select(e => Describe(new FuzzError(e.Message, [.. e.Locations])));
        return Printer.Print(document) + "\n" + string.Join("\n", errors);
    }

    private static string Describe(FuzzError error) =>
        error.Message + " (" + string.Join(", ", error.Locations.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Line}:{l.Column}"))) + ")";

    [GeneratedRegex(@"\{(?:[\s,]|#[^\r\n]*)*\}")]
    private static partial Regex EmptyBraces();

    [GeneratedRegex(@"\bdirective\s*@")]
    private static partial Regex DirectiveDefinition();

    private sealed record FuzzCase(string Source, string? Printed, List<FuzzError>? Errors, FuzzError? SyntaxError);

    private sealed record FuzzError(string Message, List<SourceLocation> Locations);
}
