using LogPipeline.Archive;
using LogPipeline.Contracts;
using Parquet;
using Parquet.Schema;

namespace LogPipeline.Archiver.Tests.Archive;

public class ArchiveFormatTests
{
    static List<ScoredLog> Logs(int count)
    {
        var logs = new List<ScoredLog>(count);
        for (var i = 0; i < count; i++)
        {
            var log = TestLogs.Log($"fmt-{i:D6}", TestLogs.Day(3) + (i * 1_237L), i, 0.5 + (i % 13 / 3.0), i % 11 == 0);
            if (i % 5 == 0)
            {
                log.BytesSent = null;
                log.Service = null;
            }

            log.InjectedAnomaly = i % 11 == 0 ? "latency_spike" : null;
            log.ThresholdMode = i % 2 == 0 ? "adaptive" : "fixed";
            logs.Add(log);
        }

        return logs;
    }

    [Fact]
    public async Task EveryFieldOfEveryLogComesBackAcrossRowGroups()
    {
        var logs = Logs(ArchiveWriter.RowGroupSize + 1_234);
        using var file = new MemoryStream();

        await new ArchiveWriter().WriteAsync(logs, file, CancellationToken.None);
        file.Position = 0;
        var read = await ArchiveReader.ReadAsync(file).ToListAsync();

        Assert.Equal(logs.Count, read.Count);
        for (var i = 0; i < logs.Count; i++)
        {
            AssertSame(logs[i], read[i]);
        }
    }

    [Fact]
    public async Task TheFileHasTheStoredColumnsWithParquetTypesCompressedWithZstandard()
    {
        using var file = new MemoryStream();
        await new ArchiveWriter().WriteAsync(Logs(2_000), file, CancellationToken.None);
        file.Position = 0;

        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();

        Assert.Equal(
            ["log_identifier", "timestamp", "log_level", "ip_address", "user_id", "method", "path", "status_code", "response_time", "message",
             "bytes_sent", "service", "injected_anomaly", "anomaly_score", "is_anomaly", "threshold", "threshold_mode", "scored_at", "model"],
            fields.Select(f => f.Name));
        var timestamp = Assert.IsType<DateTimeDataField>(fields[1]);
        Assert.Equal(DateTimeFormat.Timestamp, timestamp.DateTimeFormat);
        Assert.Equal(typeof(int), fields[7].ClrType);
        Assert.Equal(typeof(double), fields[13].ClrType);
        Assert.Equal(typeof(bool), fields[14].ClrType);
        Assert.True(fields[10].IsNullable);
        Assert.False(fields[0].IsNullable);
        using var group = reader.OpenRowGroupReader(0);
        Assert.All(fields, f => Assert.Equal(Parquet.Meta.CompressionCodec.ZSTD, group.GetMetadata(f)!.MetaData!.Codec));
    }

    [Fact]
    public async Task CompressedFileIsSmallerThanTheJsonItHolds()
    {
        var logs = Logs(5_000);
        var json = logs.Sum(l => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(l, ContractsJsonContext.Default.ScoredLog).Length);
        using var file = new MemoryStream();

        await new ArchiveWriter().WriteAsync(logs, file, CancellationToken.None);

        Assert.True(file.Length * 3 < json, $"{file.Length} bytes of Parquet for {json} bytes of JSON");
    }

    internal static void AssertSame(ScoredLog expected, ScoredLog actual)
    {
        Assert.Equal(expected.LogIdentifier, actual.LogIdentifier);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.LogLevel, actual.LogLevel);
        Assert.Equal(expected.IpAddress, actual.IpAddress);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.ResponseTime, actual.ResponseTime);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.BytesSent, actual.BytesSent);
        Assert.Equal(expected.Service, actual.Service);
        Assert.Equal(expected.InjectedAnomaly, actual.InjectedAnomaly);
        Assert.Equal(expected.AnomalyScore, actual.AnomalyScore);
        Assert.Equal(expected.IsAnomaly, actual.IsAnomaly);
        Assert.Equal(expected.Threshold, actual.Threshold);
        Assert.Equal(expected.ThresholdMode, actual.ThresholdMode);
        Assert.Equal(expected.ScoredAt, actual.ScoredAt);
        Assert.Equal(expected.Model, actual.Model);
    }
}
