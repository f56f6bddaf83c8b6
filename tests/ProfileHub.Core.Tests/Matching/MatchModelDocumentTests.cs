using System.Text.Json.Nodes;
using ProfileHub.Core.Matching;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Matching;

public class MatchModelDocumentTests
{
    [Fact]
    public void A_stored_model_scores_with_the_weights_it_was_trained_with()
    {
        var trained = new Resolved(People.Background(150, seed: 5)).Run.Scorer.Model;

        var restored = MatchModelDocument.ToModel(MatchModelDocument.From(trained, MatchSettings.Default).ToJson());

        Assert.NotNull(restored);
        Assert.Equal(trained.Lambda, restored.Lambda);
        Assert.Equal(trained.Weights.SelectMany(w => w), restored.Weights.SelectMany(w => w));
    }

    [Fact]
    public void A_model_stored_for_other_comparisons_is_not_used()
    {
        var trained = new Resolved(People.Background(150, seed: 5)).Run.Scorer.Model;
        var document = JsonNode.Parse(MatchModelDocument.From(trained, MatchSettings.Default).ToJson())!;
        document["comparisons"]![0]!["name"] = "shoe size";

        Assert.Null(MatchModelDocument.ToModel(document.ToJsonString()));
    }
}
