namespace LogPipeline.RandomCutForest.Tests;

public sealed class OptionsValidationTests
{
    private static readonly RandomCutForestOptions Valid = new() { Dimensions = 3 };

    public static TheoryData<RandomCutForestOptions, string, string> InvalidOptions => new()
    {
        { Valid with { Dimensions = 0 }, "Dimensions", "Dimensions must be at least 1 but was 0." },
        { Valid with { ShingleSize = 0 }, "ShingleSize", "ShingleSize must be at least 1 but was 0." },
        { Valid with { NumberOfTrees = -1 }, "NumberOfTrees", "NumberOfTrees must be at least 1 but was -1." },
        { Valid with { SampleSize = 1 }, "SampleSize", "SampleSize must be at least 2 but was 1." },
        { Valid with { TimeDecay = -0.5 }, "TimeDecay", "TimeDecay must be a finite number of at least 0 but was -0.5." },
        { Valid with { TimeDecay = double.NaN }, "TimeDecay", "TimeDecay must be a finite number of at least 0 but was NaN." },
        { Valid with { OutputAfter = 0 }, "OutputAfter", "OutputAfter must be at least 1 when set but was 0." },
        { Valid with { InitialAcceptFraction = 0 }, "InitialAcceptFraction", "InitialAcceptFraction must be in (0, 1] but was 0." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void ValidateNamesTheInvalidSetting(RandomCutForestOptions options, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void ConstructorRejectsInvalidOptions()
    {
        Assert.Throws<ArgumentException>(() => new RandomCutForest(Valid with { SampleSize = 0 }));
    }

    [Fact]
    public void DefaultsFollowAwsLibrary()
    {
        Valid.Validate();

        Assert.Equal(100, Valid.NumberOfTrees);
        Assert.Equal(256, Valid.SampleSize);
        Assert.Equal(64, Valid.EffectiveOutputAfter);
        Assert.Equal(1.0 / 2560, RandomCutForestOptions.DefaultTimeDecayFor(256));
    }

    [Fact]
    public void RecordsOfTheWrongLengthAreRejected()
    {
        var forest = new RandomCutForest(Valid with { NumberOfTrees = 5 });

        var error = Assert.Throws<ArgumentException>(() => forest.ScoreAndUpdate([1f, 2f]));

        Assert.Contains("3 values", error.Message);
    }

    [Fact]
    public void NonFiniteValuesAreRejected()
    {
        var forest = new RandomCutForest(Valid with { NumberOfTrees = 5 });

        var error = Assert.Throws<ArgumentException>(() => forest.Update([1f, float.NaN, 2f]));

        Assert.Contains("finite", error.Message);
        Assert.Equal(0, forest.TotalUpdates);
    }
}
