using Confluent.Kafka;

namespace LogPipeline.Pipeline.Tests.Kafka;

public class NativeLibraryTests
{
    [Fact]
    public void ClientsLoadThePackagesOwnLibrdkafkaNotTheSystems()
    {
        // Confluent.Kafka falls back silently to a system librdkafka (Debian: 2.0.2) when the package's fails to load.
        Assert.Equal("2.16.0", Library.VersionString);
    }
}
