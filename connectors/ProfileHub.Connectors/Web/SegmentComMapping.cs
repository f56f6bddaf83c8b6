using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AutoMapper;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Web;

/// <summary>
/// Segment messages to drafts. identify → a record from its traits (Segment Spec "Identify", reserved
/// traits); alias → a record for previousId naming userId; track/page/screen → touchpoints, with revenue
/// from the e-commerce spec's Order Completed properties.
/// </summary>
internal sealed class SegmentComMapping : Profile
{
    /// <summary>The mapping item carrying the connector's default phone region.</summary>
    public const string RegionItem = "region";

    // Bounded: a source that puts ids into event names must not grow the cache without end.
    private const int MaxKnownTypes = 10_000;
    private static readonly ConcurrentDictionary<string, string> KnownTypes = new(StringComparer.Ordinal);

    public SegmentComMapping()
    {
        CreateMap<SegmentComMessage, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(m => m.MessageId))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(m => m.PersonKey))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Web))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(m => TouchpointType(m)))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(m => m.OccurredAt))
            .ForMember(d => d.Position, o => o.MapFrom(m => m.Position))
            .ForMember(d => d.Amount, o => o.MapFrom(m => Revenue(m.Properties)))
            .ForMember(d => d.Currency, o => o.MapFrom(m => Revenue(m.Properties) == null ? null : Text(m.Properties, "currency") ?? "USD"))
            .ForMember(d => d.Metrics, o => o.Ignore())
            .ForMember(d => d.Properties, o => o.MapFrom(m => PageProperties(m)));

        CreateMap<SegmentComMessage, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(m => m.Type == "alias" ? m.PreviousId : m.PersonKey))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(m => m.OccurredAt))
            .ForMember(d => d.FirstName, o => o.MapFrom(m => Text(m.Traits, "firstName") ?? Text(m.Traits, "first_name")))
            .ForMember(d => d.LastName, o => o.MapFrom(m => Text(m.Traits, "lastName") ?? Text(m.Traits, "last_name")))
            .ForMember(d => d.FullName, o => o.MapFrom(m => Text(m.Traits, "name")))
            .ForMember(d => d.Address, o => o.MapFrom(m => Address(m.Traits)))
            .ForMember(d => d.BirthDateRaw, o => o.MapFrom(m => Text(m.Traits, "birthday")))
            .ForMember(d => d.BirthDateOrder, o => o.Ignore())
            .ForMember(d => d.Gender, o => o.MapFrom(m => Text(m.Traits, "gender")))
            .ForMember(d => d.Identifiers, o => o.MapFrom((m, _, _, context) => Identifiers(m, context.Items.TryGetValue(RegionItem, out var region) ? region as string : null)))
            .ForMember(d => d.Consents, o => o.Ignore())
            .ForMember(d => d.RawPayload, o => o.MapFrom(m => m.Raw))
            .ForMember(d => d.Position, o => o.MapFrom(m => m.Position));
    }

    /// <summary>page → page_view, screen → screen_view, track "Order Completed" → order_completed.</summary>
    public static string TouchpointType(SegmentComMessage message) => message.Type switch
    {
        "page" => "page_view",
        "screen" => "screen_view",
        _ => SnakeCase(message.Event ?? string.Empty),
    };

    /// <summary>"Order Completed" → "order_completed". Sources use a few dozen event names over millions of events.</summary>
    public static string SnakeCase(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        if (KnownTypes.TryGetValue(eventName, out var known))
        {
            return known;
        }

        var type = ToSnakeCase(eventName);
        if (KnownTypes.Count < MaxKnownTypes)
        {
            KnownTypes.TryAdd(eventName, type);
        }

        return type;
    }

    private static string ToSnakeCase(string eventName)
    {
        var text = new StringBuilder(eventName.Length);
        foreach (var c in eventName.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c) && text.Length > 0 && text[^1] != '_' && char.IsLower(text[^1]))
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else if (text.Length > 0 && text[^1] != '_')
            {
                text.Append('_');
            }
        }

        return text.ToString().TrimEnd('_');
    }

    /// <summary>E-commerce spec: revenue, else total, else value (a number or a numeric string).</summary>
    private static decimal? Revenue(JsonElement? properties) =>
        Number(properties, "revenue") ?? Number(properties, "total") ?? Number(properties, "value");

    /// <summary>The message's properties; for a page call the page's name is kept with them.</summary>
    private static string? PageProperties(SegmentComMessage message)
    {
        if (message.Properties is not { ValueKind: JsonValueKind.Object } properties)
        {
            return message.Name is null ? null : JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = message.Name });
        }

        return properties.GetRawText();
    }

    private static AddressDraft Address(JsonElement? traits) =>
        traits is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.Object
            ? new AddressDraft
            {
                Street = Text(a, "street"),
                City = Text(a, "city"),
                Region = Text(a, "state"),
                PostalCode = Text(a, "postalCode") ?? Text(a, "postal_code"),
                Country = Text(a, "country"),
            }
            : new AddressDraft();

    private static List<IdentifierDraft> Identifiers(SegmentComMessage message, string? defaultRegion)
    {
        var traits = message.Traits;
        var country = traits is { ValueKind: JsonValueKind.Object } t && t.TryGetProperty("address", out var a) ? Text(a, "country") : null;
        IdentifierDraft?[] all = message.Type == "alias"
            ?
            [
                IdentifierDraft.Key(IdentifierKind.AnonymousId, message.PreviousId),
                IdentifierDraft.Key(IdentifierKind.ExternalId, message.UserId),
            ]
            :
            [
                IdentifierDraft.Key(IdentifierKind.ExternalId, message.UserId),
                IdentifierDraft.Key(IdentifierKind.AnonymousId, message.AnonymousId),
                IdentifierDraft.Email(Text(traits, "email")),
                IdentifierDraft.Phone(Text(traits, "phone"), country ?? defaultRegion),
                IdentifierDraft.Key(IdentifierKind.SocialHandle, Text(traits, "username")),
            ];
        return [.. all.OfType<IdentifierDraft>()];
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static decimal? Number(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetDecimal(out var d) => d,
                JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
                _ => null,
            }
            : null;
}
