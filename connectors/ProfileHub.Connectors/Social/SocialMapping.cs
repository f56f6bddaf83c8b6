using AutoMapper;
using ProfileHub.Connectors.Email;
using ProfileHub.Connectors.Ingestion;
using ProfileHub.Connectors.VendorApi;
using ProfileHub.Core.Sources;
using ProfileHub.Core.Touchpoints;

namespace ProfileHub.Connectors.Social;

/// <summary>
/// Social posts to touchpoints (keyed by the platform's post or comment id) and their authors to records keyed
/// "platform:author id". The author's id is a SocialHandle and the display name only a full name: neither is a
/// strong identifier, so matching can link these records only through stronger evidence elsewhere.
/// </summary>
internal sealed class SocialMapping : Profile
{
    public SocialMapping()
    {
        CreateMap<FacebookComment, SocialPost>()
            .ForCtorParam(nameof(SocialPost.Id), o => o.MapFrom(c => c.Id))
            .ForCtorParam(nameof(SocialPost.Type), o => o.MapFrom(c => c.Parent == null ? "comment" : "reply"))
            .ForCtorParam(nameof(SocialPost.OccurredAt), o => o.MapFrom(c => VendorTime.ParseIso(c.CreatedTime) ?? DateTimeOffset.UnixEpoch))
            .ForCtorParam(nameof(SocialPost.AuthorId), o => o.MapFrom(c => c.From == null ? null : c.From.Id))
            .ForCtorParam(nameof(SocialPost.AuthorName), o => o.MapFrom(c => c.From == null ? null : c.From.Name))
            .ForCtorParam(nameof(SocialPost.Platform), o => o.MapFrom(_ => "facebook"))
            .ForCtorParam(nameof(SocialPost.Text), o => o.MapFrom(c => c.Message))
            .ForCtorParam(nameof(SocialPost.Url), o => o.MapFrom(_ => (string?)null))
            .ForCtorParam(nameof(SocialPost.ParentId), o => o.MapFrom(c => c.Parent == null ? null : c.Parent.Id))
            .ForCtorParam(nameof(SocialPost.Likes), o => o.MapFrom(c => c.LikeCount));

        CreateMap<SocialPost, TouchpointDraft>()
            .ForCtorParam(nameof(TouchpointDraft.SourceEventId), o => o.MapFrom(p => p.Id))
            .ForCtorParam(nameof(TouchpointDraft.SourceKey), o => o.MapFrom(p => AuthorKey(p)))
            .ForCtorParam(nameof(TouchpointDraft.Channel), o => o.MapFrom(_ => TouchpointChannel.Social))
            .ForCtorParam(nameof(TouchpointDraft.Type), o => o.MapFrom(p => p.Type))
            .ForCtorParam(nameof(TouchpointDraft.OccurredAt), o => o.MapFrom(p => p.OccurredAt))
            .ForMember(d => d.Amount, o => o.Ignore())
            .ForMember(d => d.Currency, o => o.Ignore())
            .ForMember(d => d.Position, o => o.Ignore())
            .ForMember(d => d.Metrics, o => o.MapFrom((p, _) => p.Likes is { } likes
                ? new Dictionary<string, decimal>(StringComparer.Ordinal) { ["like_count"] = likes }
                : null))
            .ForMember(d => d.Properties, o => o.MapFrom((p, _) => VendorMapping.Properties(
                ("platform", p.Platform), ("text", p.Text), ("url", p.Url), ("parent_id", p.ParentId))));

        CreateMap<SocialPost, SourceRecordDraft>()
            .ForCtorParam(nameof(SourceRecordDraft.SourceKey), o => o.MapFrom(p => AuthorKey(p)))
            .ForCtorParam(nameof(SourceRecordDraft.ObservedAt), o => o.MapFrom(p => p.OccurredAt))
            .ForMember(d => d.FullName, o => o.MapFrom(p => p.AuthorName))
            .ForMember(d => d.Identifiers, o => o.MapFrom(p => EmailMapping.Present(IdentifierDraft.Key(IdentifierKind.SocialHandle, AuthorKey(p)))))
            .IgnoreAllExcept(nameof(SourceRecordDraft.FullName), nameof(SourceRecordDraft.Identifiers));
    }

    /// <summary>Page-scoped and platform ids are unique only within their platform.</summary>
    public static string? AuthorKey(SocialPost post) =>
        post?.AuthorId is { Length: > 0 } id ? $"{post.Platform ?? "social"}:{id}" : null;
}
