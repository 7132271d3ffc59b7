using System.Text;
using LogPipeline.Contracts;
using LogPipeline.Generator.Traffic;

namespace LogPipeline.Generator.Tests.Publishing;

public class LogRecordSerializerTests
{
    [Fact]
    public void SerializedRecordsReadBackIdenticallyWithTheContractReader()
    {
        var model = new WebTrafficModel(seed: 3, anomalyProbability: 0.2);
        var serializer = new LogRecordSerializer();

        for (var i = 0; i < 500; i++)
        {
            var record = model.Next(1_700_000_000_000 + i);
            var bytes = serializer.Serialize(record);

            Assert.True(LogRecordReader.TryRead(bytes, out var read, out var error), error);
            Assert.Equivalent(record, read, strict: true);
        }
    }

    [Fact]
    public void EachCallReturnsItsOwnArraySoTheKafkaClientCanKeepIt()
    {
        var model = new WebTrafficModel(seed: 3);
        var serializer = new LogRecordSerializer();

        var first = serializer.Serialize(model.NextNormal(1));
        var firstCopy = first.ToArray();
        var second = serializer.Serialize(model.NextNormal(2));

        Assert.NotSame(first, second);
        Assert.Equal(firstCopy, first);
    }

    [Fact]
    public void ValuesUseTheArticleFieldNamesAndKeepTheAccessLogQuotesReadable()
    {
        var record = new WebTrafficModel(seed: 3).NextNormal(1_700_000_000_000);

        var json = Encoding.UTF8.GetString(new LogRecordSerializer().Serialize(record));

        foreach (var field in new[] { "log_identifier", "timestamp", "log_level", "ip_address", "user_id", "method", "path", "status_code", "response_time", "message", "bytes_sent", "service", "injected_anomaly" })
        {
            Assert.Contains($"\"{field}\":", json);
        }

        Assert.Contains("\\\"" + record.Method + " ", json);
    }
}
