using System.Globalization;
using CsvHelper;
using ProfileHub.Core.Matching;

using ProfileHub.Server.Csv;

namespace ProfileHub.Server.Resolve;

/// <summary>
/// Writes `--explain pairs.csv`: one row per scored pair at or above the review threshold, with the
/// decision, total match weight (log2 Bayes factor), probability, and for each attribute its
/// comparison level and weight, so a chart can draw the contributions and a marketer can read the
/// summary column.
/// </summary>
internal static class ExplanationCsv
{
    private static readonly string[] LeadingColumns =
        ["record_id_a", "record_id_b", "decision", "match_weight", "match_probability", "prior_weight"];

    public static void Write(Stream output, IEnumerable<MatchExplanation> explanations)
    {
        using var csv = CsvWriter.Create(output, CsvOutput.Options, leaveOpen: true);
        foreach (var name in LeadingColumns)
        {
            csv.WriteField(name);
        }

        foreach (var name in BatchResolution.ComparisonNames)
        {
            var column = name.Replace(' ', '_');
            csv.WriteField(column + "_level");
            csv.WriteField(column + "_weight");
        }

        csv.WriteField("refused_because");
        csv.WriteField("summary");
        csv.EndRecord();
        foreach (var explanation in explanations)
        {
            csv.WriteField(SpreadsheetCell.Neutralize(explanation.LeftRecordId));
            csv.WriteField(SpreadsheetCell.Neutralize(explanation.RightRecordId));
            csv.WriteField(explanation.Decision.ToString().ToLowerInvariant());
            csv.WriteField(Number(explanation.TotalWeight));
            csv.WriteField(explanation.Probability.ToString("0.######", CultureInfo.InvariantCulture));
            csv.WriteField(Number(explanation.PriorWeight));
            foreach (var contribution in explanation.Contributions)
            {
                csv.WriteField(SpreadsheetCell.Neutralize(contribution.Level));
                csv.WriteField(Number(contribution.Weight));
            }

            csv.WriteField(SpreadsheetCell.Neutralize(explanation.RefusalReason ?? string.Empty));
            csv.WriteField(SpreadsheetCell.Neutralize(explanation.Summary()));
            csv.EndRecord();
        }
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
