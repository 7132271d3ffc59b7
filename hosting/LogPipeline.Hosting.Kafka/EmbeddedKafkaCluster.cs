using System.Runtime.InteropServices;
using System.Text;

namespace LogPipeline.Hosting.Kafka;

/// <summary>
/// librdkafka's mock Kafka cluster, hosted in this process: an in-memory broker that speaks the real Kafka wire
/// protocol on 127.0.0.1, with consumer groups and committed offsets, and fault injection (brokers down/up).
/// Any Kafka client in any process connects to <see cref="BootstrapServers"/>. It is a development and test
/// broker: nothing is kept on disk and each partition keeps only its newest few megabytes.
/// </summary>
public sealed partial class EmbeddedKafkaCluster : IDisposable
{
    const string Library = "librdkafka";
    const int ProducerType = 0;

    readonly nint _handle;
    readonly nint _cluster;
    readonly Lock _lock = new();
    bool _disposed;

    EmbeddedKafkaCluster(nint handle, nint cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster))
            ?? throw new InvalidOperationException("The mock cluster reported no bootstrap servers.");
    }

    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>True while every broker is set down (<see cref="SetBrokerDown"/> with no broker id).</summary>
    public bool IsDown { get; private set; }

    /// <summary>Starts a cluster of <paramref name="brokerCount"/> brokers on free loopback ports.</summary>
    public static EmbeddedKafkaCluster Start(int brokerCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        var conf = rd_kafka_conf_new();
        var error = new byte[512];
        // The hosting client's own logs would be noise on the console; the mock cluster logs through it.
        Set(conf, "log_level", "3");
        var handle = rd_kafka_new(ProducerType, conf, error, (nuint)error.Length);
        if (handle == 0)
        {
            throw new InvalidOperationException("rd_kafka_new failed: " + Encoding.UTF8.GetString(error).TrimEnd('\0'));
        }

        var cluster = rd_kafka_mock_cluster_new(handle, brokerCount);
        if (cluster == 0)
        {
            rd_kafka_destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        // Real brokers wait 3 s for more members before the first assignment; a development broker need not.
        rd_kafka_mock_group_initial_rebalance_delay_ms(cluster, 0);
        return new EmbeddedKafkaCluster(handle, cluster, brokerCount);
    }

    public void CreateTopic(string topic, int partitions, int replicationFactor = 1)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(rd_kafka_mock_topic_create(_cluster, topic, partitions, Math.Min(replicationFactor, BrokerCount)), $"create topic {topic}");
        }
    }

    /// <summary>Disconnects the broker (all brokers when <paramref name="brokerId"/> is -1) and refuses new connections.</summary>
    public void SetBrokerDown(int brokerId = -1)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(rd_kafka_mock_broker_set_down(_cluster, brokerId), "set broker down");
            IsDown = brokerId == -1 || BrokerCount == 1;
        }
    }

    public void SetBrokerUp(int brokerId = -1)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(rd_kafka_mock_broker_set_up(_cluster, brokerId), "set broker up");
            IsDown = false;
        }
    }

    public void SetBrokerRoundTripTime(int rttMs, int brokerId = -1)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Check(rd_kafka_mock_broker_set_rtt(_cluster, brokerId, rttMs), "set broker round-trip time");
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            rd_kafka_mock_cluster_destroy(_cluster);
            rd_kafka_destroy(_handle);
        }
    }

    static void Set(nint conf, string name, string value)
    {
        var error = new byte[256];
        if (rd_kafka_conf_set(conf, name, value, error, (nuint)error.Length) != 0)
        {
            throw new InvalidOperationException($"rd_kafka_conf_set {name}: " + Encoding.UTF8.GetString(error).TrimEnd('\0'));
        }
    }

    static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"Embedded Kafka could not {what}: {Marshal.PtrToStringUTF8(rd_kafka_err2str(error))}");
        }
    }

    [LibraryImport(Library)]
    private static partial nint rd_kafka_conf_new();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_conf_set(nint conf, string name, string value, [Out] byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_new(int type, nint conf, [Out] byte[] errstr, nuint errstrSize);

    [LibraryImport(Library)]
    private static partial void rd_kafka_destroy(nint rk);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_err2str(int err);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_mock_cluster_new(nint rk, int brokerCount);

    [LibraryImport(Library)]
    private static partial void rd_kafka_mock_cluster_destroy(nint cluster);

    [LibraryImport(Library)]
    private static partial nint rd_kafka_mock_cluster_bootstraps(nint cluster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rd_kafka_mock_topic_create(nint cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library)]
    private static partial int rd_kafka_mock_broker_set_down(nint cluster, int brokerId);

    [LibraryImport(Library)]
    private static partial int rd_kafka_mock_broker_set_up(nint cluster, int brokerId);

    [LibraryImport(Library)]
    private static partial void rd_kafka_mock_group_initial_rebalance_delay_ms(nint cluster, int delayMs);

    [LibraryImport(Library)]
    private static partial int rd_kafka_mock_broker_set_rtt(nint cluster, int brokerId, int rttMs);
}
