using System.Text.Json;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;

namespace ProfileHub.Connectors.Email;

/// <summary>
/// Reads Mailchimp list members from the audience export (one CSV per status: subscribed, unsubscribed and
/// cleaned, told apart by the UNSUB_TIME / CLEAN_TIME columns only the latter two have) or from the Marketing
/// API's members JSON ({"members": [...]}).
/// </summary>
internal static class MailchimpExportReader
{
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "subscribed", "unsubscribed", "cleaned", "pending", "transactional", "archived",
    };

    // permissionColumns: 
    /// Marketing-permission columns of the export (their header is the permission's text, e.g. "Email",
    /// "Customized Online Advertising"); a Y / yes / true value means granted.
    /// 
    public static IEnumerable<MailchimpMember> ReadCsv(ExportFile file, IReadOnlyCollection<string> permissionColumns, ICollection<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(file);
        var fileName = file.Name;
        foreach (var row in VendorCsv.Read(file, rejected))
        {
            var email = row["Email Address"];
            if (email is null)
            {
                rejected.Add(new RejectedRow($"{fileName}:{row.Line}", row.Raw, "missing Email Address"));
                continue;
            }

            var status = row.Has("CLEAN_TIME") ? "cleaned" : row.Has("UNSUB_TIME") ? "unsubscribed" : "subscribed";
            var lastChanged = row["LAST_CHANGED"] ?? row["UNSUB_TIME"] ?? row["CLEAN_TIME"] ?? row["CONFIRM_TIME"] ?? row["OPTIN_TIME"];
            yield return new MailchimpMember
            {
                Id = row["LEID"],
                EmailAddress = email,
                Status = status,
                LastChanged = lastChanged,
                MergeFields = MergeFields(row),
                MarketingPermissions = [.. permissionColumns.Where(row.Has).Select(c => new MailchimpMarketingPermission
                {
                    MarketingPermissionId = c,
                    Text = c,
                    Enabled = row[c] is { } v && (v.Equals("y", StringComparison.OrdinalIgnoreCase) || v.Equals("yes", StringComparison.OrdinalIgnoreCase) || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v == "1"),
                })],
            };
        }
    }

    public static List<MailchimpMember> ReadJson(ExportFile file, ICollection<RejectedRow> rejected)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(rejected);
        if (file.JsonUnfinished())
        {
            return [];
        }

        var position = file.Name;
        var json = Utf8Text.Display(file.Bytes.Span);
        try
        {
            using var document = JsonDocument.Parse(file.Json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("members", out var members))
            {
                rejected.Add(new RejectedRow(position, json, "expected an object with a \"members\" array"));
                return [];
            }

            return JsonItems.Read<MailchimpMember>(members, i => $"{position}, member {i}", Validate, rejected);
        }
        catch (JsonException e)
        {
            rejected.Add(new RejectedRow(position, json, $"malformed JSON: {e.Message}"));
            return [];
        }
    }

    private static string? Validate(MailchimpMember m) =>
        string.IsNullOrWhiteSpace(m.EmailAddress) ? "missing email_address"
        : m.Status is null || !Statuses.Contains(m.Status) ? $"unknown status '{m.Status}'"
        : null;

    private static Dictionary<string, JsonElement> MergeFields(CsvRow row)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        void Put(string tag, string column)
        {
            if (row[column] is { } value)
            {
                fields[tag] = JsonSerializer.SerializeToElement(value);
            }
        }

        Put("FNAME", "First Name");
        Put("LNAME", "Last Name");
        Put("ADDRESS", "Address");
        Put("PHONE", "Phone Number");
        Put("BIRTHDAY", "Birthday");
        return fields;
    }
}
