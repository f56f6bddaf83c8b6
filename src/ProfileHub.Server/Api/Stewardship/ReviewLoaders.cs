using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Stewardship;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Api.Profiles;
using ProfileHub.Storage;

namespace ProfileHub.Server.Api.Stewardship;

internal static class ReviewLoaders
{
    public static Task<ReviewItem?> Item(ResolveContext context, long id) =>
        context.DataLoaders.Batch<long, ReviewItem>("reviewItem", (ids, ct) => ProfileLoaders.Fetch(context, async db =>
            (IReadOnlyDictionary<long, ReviewItem>)await db.ReviewItems.AsNoTracking().WhereIn(r => r.Id, ids).ToDictionaryAsync(r => r.Id, ct)))
        .LoadAsync(id);
}
