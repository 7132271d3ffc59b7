using LogPipeline.Security;

namespace LogPipeline.QueryApi.Tests;

public sealed class ApiKeySetTests
{
    static readonly ApiKeySet Keys = new(["first-key-0123456789", null, " ", "second-key-with-a-longer-value-0123456789"]);

    [Fact]
    public void BlankEntriesAreNotKeys()
    {
        Assert.Equal(2, Keys.Count);
        Assert.True(new ApiKeySet(["", null]).IsEmpty);
        Assert.False(Keys.Contains(""));
        Assert.False(Keys.Contains(" "));
        Assert.False(Keys.Contains(null));
    }

    [Theory]
    [InlineData("first-key-0123456789", 0)]
    [InlineData("second-key-with-a-longer-value-0123456789", 1)]
    [InlineData("first-key-012345678", -1)]
    [InlineData("first-key-01234567890", -1)]
    [InlineData("FIRST-KEY-0123456789", -1)]
    [InlineData("second-key", -1)]
    public void OnlyAnExactKeyMatchesAndItsPositionIsReported(string presented, int expected)
    {
        Assert.Equal(expected, Keys.IndexOf(presented));
    }

    [Fact]
    public void AKeyLongerThanTheStackBufferIsHashedToo()
    {
        var longKey = new string('k', 300) + "é";
        var keys = new ApiKeySet([longKey]);

        Assert.Equal(0, keys.IndexOf(longKey));
        Assert.Equal(-1, keys.IndexOf(longKey[..^1] + "e"));
    }

    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789abcde", false)]
    [InlineData("", true)]
    public void ConfiguredKeysMustHaveAtLeastSixteenCharacters(string key, bool acceptable)
    {
        Assert.Equal(acceptable, ApiKeySet.AreLongEnough([key]));
    }
}
