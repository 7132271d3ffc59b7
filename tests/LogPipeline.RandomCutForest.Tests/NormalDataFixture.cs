using LogPipeline.RandomCutForest.Tests.Support;

namespace LogPipeline.RandomCutForest.Tests;

/// <summary>
/// A default forest (100 trees, 256 samples) trained on 3,000 standard normal 3-d points
/// with score-then-update, and the scores of 2,000 further points streamed the same way.
/// </summary>
public sealed class NormalDataFixture
{
    public NormalDataFixture()
    {
        Forest = new RandomCutForest(new RandomCutForestOptions { Dimensions = 3, RandomSeed = 17 });
        Forest.ScoreAndUpdateAll(GaussianPoints.Create(3000, 3, seed: 1));
        Scores = Forest.ScoreAndUpdateAll(GaussianPoints.Create(2000, 3, seed: 2));
    }

    public RandomCutForest Forest { get; }

    public double[] Scores { get; }
}
