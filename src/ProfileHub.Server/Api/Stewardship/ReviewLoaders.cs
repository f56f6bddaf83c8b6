using Microsoft.EntityFrameworkCore;
using ProfileHub.Core.Stewardship;
using ProfileHub.GraphQL.Execution;
using ProfileHub.Server.Api.Profiles;

namespace ProfileHub.Server.Api.Stewardship;

internal static class ReviewLoaders
{
    public static Task<ReviewItem?> Item(ResolveContext context, long id) =>
        context.DataLoaders.Batch<long, ReviewItem>("reviewItem", (ids, ct) => ProfileLoaders.Fetch(context, async db =>
            (IReadOnlyDictionary<long, ReviewItem>)await db.ReviewItems.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct)))
        .LoadAsync(id);
}
