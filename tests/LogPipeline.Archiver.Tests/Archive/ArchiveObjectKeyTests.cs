using LogPipeline.Archive;

namespace LogPipeline.Archiver.Tests.Archive;

public class ArchiveObjectKeyTests
{
    static readonly DateTime Hour = new(2026, 12, 2, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void KeyIsTheHourPrefixThenTopicPartitionAndOffsetRangeZeroPadded()
    {
        var key = new ArchiveObjectKey(Hour.AddMinutes(42), "logs.scored", 3, 1234, 5678);

        Assert.Equal("year=2026/month=12/day=02/hour=05/logs.scored-0003-0000000000000001234-0000000000000005678.parquet", key.ToString());
        Assert.StartsWith(ArchiveObjectKey.HourPrefix(Hour), key.ToString(), StringComparison.Ordinal);
        Assert.StartsWith(ArchiveObjectKey.RunPrefix(Hour, "logs.scored", 3, 1234), key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParsingGivesBackTheKeyEvenWhenTheTopicHoldsDashes()
    {
        var key = new ArchiveObjectKey(Hour, "my-topic-v2", 12, 0, long.MaxValue);

        Assert.True(ArchiveObjectKey.TryParse(key.ToString(), out var parsed));
        Assert.Equal(key, parsed);
    }

    [Theory]
    [InlineData("year=2026/month=12/day=02/hour=05/readme.txt")]
    [InlineData("year=2026/month=13/day=02/hour=05/t-0001-0000000000000000001-0000000000000000002.parquet")]
    [InlineData("year=2026/month=02/day=30/hour=05/t-0001-0000000000000000001-0000000000000000002.parquet")]
    [InlineData("year=2026/month=12/day=02/hour=05/t-0001-0000000000000000009-0000000000000000002.parquet")]
    [InlineData("year=2026/month=12/day=02/t-0001-0000000000000000001-0000000000000000002.parquet")]
    [InlineData("other/prefix/t-0001-0000000000000000001-0000000000000000002.parquet")]
    public void AnythingElseInTheBucketIsNotAnArchiveKey(string key) => Assert.False(ArchiveObjectKey.TryParse(key, out _));

    [Fact]
    public void KeysOfAPartitionSortByOffset()
    {
        var keys = new[] { 99_999L, 5, 100_000, 42 }.Select(offset => new ArchiveObjectKey(Hour, "logs.scored", 1, offset, offset + 10).ToString()).ToList();

        var sorted = keys.Order(StringComparer.Ordinal).Select(k => ArchiveObjectKey.TryParse(k, out var p) ? p!.Value.FirstOffset : -1);

        Assert.Equal([5L, 42, 99_999, 100_000], sorted);
    }
}
