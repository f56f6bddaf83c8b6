using System.Globalization;
using System.Text;
using System.Text.Json;
using ProfileHub.GraphQL.Language;
using ProfileHub.GraphQL.Tests.Support;

namespace ProfileHub.GraphQL.Tests.Conformance;

/// <summary>
/// The parser and printer against graphql-js 17.1.0 over every corpus document and the SDL kitchen sinks: the same
/// documents parse, syntax errors have the same message and location, and printing gives the same text.
/// </summary>
public class GraphQLJsPrinterConformanceTests
{
    [Fact]
    public async Task Parsing_and_printing_agree_with_graphql_js_on_every_corpus_document()
    {
        var (exitCode, output) = await NodeScript.RunAsync("print.mjs");
        Assert.True(exitCode == 0, output);
        var expectations = JsonSerializer.Deserialize<List<PrintExpectation>>(output[output.IndexOf('[', StringComparison.Ordinal)..], JsonOptions)!;

        var mismatches = new StringBuilder();
        foreach (var expectation in expectations)
        {
            var actual = Describe(expectation.Source);
            var expected = expectation.Error is { } error
                ? string.Create(CultureInfo.InvariantCulture, $"{error.Message} ({string.Join(", ", error.Locations.Select(l => $"{l.Line}:{l.Column}"))})")
                : expectation.Printed!;
            if (actual != expected)
            {
                mismatches.AppendLine(CultureInfo.InvariantCulture, $"{expectation.Name}\n  graphql-js: {expected}\n  engine:     {actual}");
            }
        }

        Assert.True(expectations.Count > 300, $"only {expectations.Count} documents");
        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static string Describe(string source)
    {
        try
        {
            return Printer.Print(Parser.Parse(source));
        }
        catch (GraphQLSyntaxException error)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{error.Message} ({error.Line}:{error.Column})");
        }
    }

    private sealed record PrintExpectation(string Name, string Source, string? Printed, PrintError? Error);

    private sealed record PrintError(string Message, List<SourceLocation> Locations);
}
