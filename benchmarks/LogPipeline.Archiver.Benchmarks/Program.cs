using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using LogPipeline.Archiver;
using LogPipeline.Contracts;
using LogPipeline.Generator.Traffic;
using LogPipeline.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: dotnet run -c Release --project benchmarks/LogPipeline.Archiver.Benchmarks [-- logs [partitions]]
// (ARCHIVE_BENCH_EXPORT=dir also copies the archived objects there, keys as paths.)
var logs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var partitions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var defaults = new ArchiverOptions();

using var kafka = new EmbeddedKafkaFixture();
var s3 = new LocalS3();
await s3.InitializeAsync();
try
{
    var topic = kafka.NewTopic(partitions);
    var jsonBytes = Produce(kafka, topic, logs);
    Console.WriteLine($"{logs:N0} scored logs on {partitions} partitions, {jsonBytes / 1e6:F1} MB of JSON ({(double)jsonBytes / logs:F0} bytes per log)");

    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    builder.Configuration.AddEnvironmentVariables();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:kafka"] = kafka.BootstrapServers,
        ["ConnectionStrings:archive"] = LocalS3.BucketName,
        ["Pipeline:Topics:Scored"] = topic,
        ["Pipeline:Topics:DeadLetter"] = kafka.NewTopic(1),
    });
    builder.Services.AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    builder.AddArchiver();
    using var host = builder.Build();
    var metrics = host.Services.GetRequiredService<ArchiverMetrics>();
    var worker = host.Services.GetRequiredService<ArchiverWorker>();

    var clock = Stopwatch.StartNew();
    await host.StartAsync();
    // Full buffers go out as fast as they fill; the last, partial one waits for the buffer interval.
    (long Logs, long Bytes, long Objects, TimeSpan At) fullBuffers = default;
    while (worker.CommittedMessages < logs && clock.Elapsed < defaults.BufferInterval * 3)
    {
        await Task.Delay(20);
        if (metrics.Logs != fullBuffers.Logs)
        {
            fullBuffers = (metrics.Logs, metrics.Bytes, metrics.Objects, clock.Elapsed);
        }
        else if (fullBuffers.Logs > 0 && clock.Elapsed - fullBuffers.At > TimeSpan.FromSeconds(5))
        {
            Console.WriteLine($"full buffers drained; waiting up to {defaults.BufferInterval.TotalSeconds:F0} s for the last, partial buffer");
            while (worker.CommittedMessages < logs && clock.Elapsed < fullBuffers.At + defaults.BufferInterval + TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }

            break;
        }
    }

    var tail = clock.Elapsed;
    await host.StopAsync();

    var seconds = fullBuffers.At.TotalSeconds;
    var jsonPerLog = (double)jsonBytes / logs;
    Console.WriteLine($"archived {fullBuffers.Logs:N0} logs in {fullBuffers.Objects:N0} objects in {seconds:F1} s (full buffers): " +
        $"{fullBuffers.Logs / seconds:N0} logs/s, {fullBuffers.Logs * jsonPerLog / 1e6 / seconds:F2} MB/s of JSON in, {fullBuffers.Bytes / 1e6 / seconds:F2} MB/s of Parquet into S3");
    Console.WriteLine($"Parquet: {(double)metrics.Bytes / metrics.Objects / 1024:F0} KiB per object, {(double)metrics.Bytes / metrics.Logs:F1} bytes per log, JSON/Parquet = {jsonPerLog * metrics.Logs / metrics.Bytes:F1}x");
    Console.WriteLine($"all {metrics.Logs:N0} logs in {metrics.Objects:N0} objects after {tail.TotalSeconds:F0} s (the partial buffer waited for the interval)");

    // Read everything back: every log once.
    var ids = new HashSet<string>(StringComparer.Ordinal);
    var read = 0;
    foreach (var key in await s3.ArchivedKeysAsync())
    {
        await foreach (var log in s3.Bucket.ReadAsync(key))
        {
            read++;
            ids.Add(log.Log.LogIdentifier);
        }
    }

    // Optionally keep a copy of the archive, keys as paths (for trying the AWS CLI and DuckDB on real objects).
    if (Environment.GetEnvironmentVariable("ARCHIVE_BENCH_EXPORT") is { Length: > 0 } export)
    {
        foreach (var key in await s3.ArchivedKeysAsync())
        {
            var path = Path.Combine(export, key.ToString());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var response = await s3.Client.GetObjectAsync(LocalS3.BucketName, key.ToString());
            await using var file = File.Create(path);
            await response.ResponseStream.CopyToAsync(file);
        }

        Console.WriteLine($"archive copied to {export}");
    }

    Console.WriteLine($"read back: {read:N0} rows, {ids.Count:N0} distinct ids, {(read == logs && ids.Count == logs ? "every log once" : "MISMATCH")}");

    Console.WriteLine($"objects per hour with the default buffer ({defaults.BufferSize / 1024 / 1024} MiB or {defaults.BufferInterval.TotalMinutes:F0} min, one object per partition and flush, {partitions} partitions, {jsonPerLog:F0} bytes per log):");
    foreach (var rate in (int[])[20, 200, 2_000, 20_000])
    {
        var fill = defaults.BufferSize / (rate * jsonPerLog);
        var interval = Math.Min(fill, defaults.BufferInterval.TotalSeconds);
        var perFlush = Math.Min(partitions, rate * interval);
        Console.WriteLine($"  {rate,6:N0} logs/s: a flush every {interval,5:F1} s, {3600 / interval * perFlush,7:N0} objects/h of ~{rate * interval * (double)metrics.Bytes / metrics.Logs / perFlush / 1024,5:F0} KiB");
    }

    return read == logs && ids.Count == logs ? 0 : 1;
}
finally
{
    await s3.DisposeAsync();
}

static long Produce(EmbeddedKafkaFixture kafka, string topic, int count)
{
    var traffic = new WebTrafficModel(seed: 16);
    var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
    long bytes = 0;
    using var producer = kafka.CreateProducer();
    var serializer = new LogRecordSerializer();
    for (var i = 0; i < count; i++)
    {
        var log = traffic.Next(start + (i * 3_600_000L / count));
        var score = 0.7 + (i % 17 / 10.0);
        var scored = new ScoredLog(log, new ScoreVerdict
        {
            AnomalyScore = score,
            IsAnomaly = score > 2,
            Threshold = 2.0,
            ThresholdMode = ScoreVerdict.AdaptiveMode,
            ScoredAt = log.Timestamp + 40,
            Model = "rcf-anomaly-endpoint",
        });
        var value = serializer.Serialize(scored);
        bytes += value.Length;
        while (true)
        {
            try
            {
                producer.Produce(topic, new Message<byte[]?, byte[]?> { Key = System.Text.Encoding.UTF8.GetBytes(log.LogIdentifier), Value = value });
                break;
            }
            catch (ProduceException<byte[]?, byte[]?> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    if (producer.Flush(TimeSpan.FromMinutes(2)) > 0)
    {
        throw new TimeoutException("The backlog was not delivered within 2 minutes.");
    }

    return bytes;
}
