using LogPipeline.Contracts;
using Parquet;
using Parquet.Schema;

namespace LogPipeline.Archive;

/// <summary>
/// The Parquet schema of an archived scored log and the only place that maps a <see cref="ScoredLog"/>'s fields to
/// columns and back: the columns DynamoDB stores (the feature vector is not archived: it is derived from these
/// fields), with Parquet's own types, times as UTC timestamps in milliseconds. One instance holds the columns of one
/// row group and is reused for the next.
/// </summary>
public sealed class ArchivedLogColumns
{
    public static readonly DataField<string> LogIdentifier = new("log_identifier", nullable: false);
    public static readonly DateTimeDataField Timestamp = new("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
    public static readonly DataField<string> LogLevel = new("log_level", nullable: false);
    public static readonly DataField<string> IpAddress = new("ip_address", nullable: false);
    public static readonly DataField<string> UserId = new("user_id", nullable: false);
    public static readonly DataField<string> Method = new("method", nullable: false);
    public static readonly DataField<string> Path = new("path", nullable: false);
    public static readonly DataField<int> StatusCode = new("status_code", nullable: false);
    public static readonly DataField<double> ResponseTime = new("response_time", nullable: false);
    public static readonly DataField<string> Message = new("message", nullable: false);
    public static readonly DataField<long?> BytesSent = new("bytes_sent", nullable: true);
    public static readonly DataField<string> Service = new("service", nullable: true);
    public static readonly DataField<string> InjectedAnomaly = new("injected_anomaly", nullable: true);
    public static readonly DataField<double> AnomalyScore = new("anomaly_score", nullable: false);
    public static readonly DataField<bool> IsAnomaly = new("is_anomaly", nullable: false);
    public static readonly DataField<double> Threshold = new("threshold", nullable: false);
    public static readonly DataField<string> ThresholdMode = new("threshold_mode", nullable: false);
    public static readonly DateTimeDataField ScoredAt = new("scored_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false);
    public static readonly DataField<string> Model = new("model", nullable: false);

    public static readonly ParquetSchema Schema = new(
        LogIdentifier, Timestamp, LogLevel, IpAddress, UserId, Method, Path, StatusCode, ResponseTime, Message,
        BytesSent, Service, InjectedAnomaly, AnomalyScore, IsAnomaly, Threshold, ThresholdMode, ScoredAt, Model);

    string?[] _logIdentifier = [];
    DateTime[] _timestamp = [];
    string?[] _logLevel = [];
    string?[] _ipAddress = [];
    string?[] _userId = [];
    string?[] _method = [];
    string?[] _path = [];
    int[] _statusCode = [];
    double[] _responseTime = [];
    string?[] _message = [];
    long?[] _bytesSent = [];
    string?[] _service = [];
    string?[] _injectedAnomaly = [];
    double[] _anomalyScore = [];
    bool[] _isAnomaly = [];
    double[] _threshold = [];
    string?[] _thresholdMode = [];
    DateTime[] _scoredAt = [];
    string?[] _model = [];

    /// <summary>Rows held.</summary>
    public int Count { get; private set; }

    /// <summary>Fills the columns from <paramref name="count"/> logs starting at <paramref name="start"/>.</summary>
    public void Load(IReadOnlyList<ScoredLog> logs, int start, int count)
    {
        Resize(count);
        for (var i = 0; i < count; i++)
        {
            var log = logs[start + i];
            _logIdentifier[i] = log.LogIdentifier ?? "";
            _timestamp[i] = ToTime(log.Timestamp);
            _logLevel[i] = log.LogLevel ?? "";
            _ipAddress[i] = log.IpAddress ?? "";
            _userId[i] = log.UserId ?? "";
            _method[i] = log.Method ?? "";
            _path[i] = log.Path ?? "";
            _statusCode[i] = log.StatusCode;
            _responseTime[i] = log.ResponseTime;
            _message[i] = log.Message ?? "";
            _bytesSent[i] = log.BytesSent;
            _service[i] = log.Service;
            _injectedAnomaly[i] = log.InjectedAnomaly;
            _anomalyScore[i] = log.AnomalyScore;
            _isAnomaly[i] = log.IsAnomaly;
            _threshold[i] = log.Threshold;
            _thresholdMode[i] = log.ThresholdMode ?? "";
            _scoredAt[i] = ToTime(log.ScoredAt);
            _model[i] = log.Model ?? "";
        }
    }

    /// <summary>The log in row <paramref name="row"/>.</summary>
    public ScoredLog Get(int row) => new()
    {
        LogIdentifier = _logIdentifier[row] ?? "",
        Timestamp = ToEpochMilliseconds(_timestamp[row]),
        LogLevel = _logLevel[row] ?? "",
        IpAddress = _ipAddress[row] ?? "",
        UserId = _userId[row] ?? "",
        Method = _method[row] ?? "",
        Path = _path[row] ?? "",
        StatusCode = _statusCode[row],
        ResponseTime = _responseTime[row],
        Message = _message[row] ?? "",
        BytesSent = _bytesSent[row],
        Service = _service[row],
        InjectedAnomaly = _injectedAnomaly[row],
        AnomalyScore = _anomalyScore[row],
        IsAnomaly = _isAnomaly[row],
        Threshold = _threshold[row],
        ThresholdMode = _thresholdMode[row] ?? "",
        ScoredAt = ToEpochMilliseconds(_scoredAt[row]),
        Model = _model[row] ?? "",
    };

    /// <summary>Writes the held rows as one row group, columns in the schema's order.</summary>
    public async Task WriteAsync(ParquetRowGroupWriter group, CancellationToken cancellationToken)
    {
        await group.WriteAsync(LogIdentifier, Strings(_logIdentifier)).ConfigureAwait(false);
        await group.WriteAsync<DateTime>(Timestamp, _timestamp.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(LogLevel, Strings(_logLevel)).ConfigureAwait(false);
        await group.WriteAsync(IpAddress, Strings(_ipAddress)).ConfigureAwait(false);
        await group.WriteAsync(UserId, Strings(_userId)).ConfigureAwait(false);
        await group.WriteAsync(Method, Strings(_method)).ConfigureAwait(false);
        await group.WriteAsync(Path, Strings(_path)).ConfigureAwait(false);
        await group.WriteAsync<int>(StatusCode, _statusCode.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<double>(ResponseTime, _responseTime.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(Message, Strings(_message)).ConfigureAwait(false);
        await group.WriteAsync<long>(BytesSent, _bytesSent.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(Service, Strings(_service)).ConfigureAwait(false);
        await group.WriteAsync(InjectedAnomaly, Strings(_injectedAnomaly)).ConfigureAwait(false);
        await group.WriteAsync<double>(AnomalyScore, _anomalyScore.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<bool>(IsAnomaly, _isAnomaly.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync<double>(Threshold, _threshold.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(ThresholdMode, Strings(_thresholdMode)).ConfigureAwait(false);
        await group.WriteAsync<DateTime>(ScoredAt, _scoredAt.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.WriteAsync(Model, Strings(_model)).ConfigureAwait(false);
    }

    /// <summary>Reads every column of <paramref name="group"/>.</summary>
    public async Task ReadAsync(ParquetRowGroupReader group, CancellationToken cancellationToken)
    {
        Resize(checked((int)group.RowCount));
        await group.ReadAsync(LogIdentifier, _logIdentifier.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<DateTime>(Timestamp, _timestamp.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(LogLevel, _logLevel.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(IpAddress, _ipAddress.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(UserId, _userId.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Method, _method.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Path, _path.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<int>(StatusCode, _statusCode.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<double>(ResponseTime, _responseTime.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Message, _message.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<long>(BytesSent, _bytesSent.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Service, _service.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(InjectedAnomaly, _injectedAnomaly.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<double>(AnomalyScore, _anomalyScore.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<bool>(IsAnomaly, _isAnomaly.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<double>(Threshold, _threshold.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(ThresholdMode, _thresholdMode.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync<DateTime>(ScoredAt, _scoredAt.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
        await group.ReadAsync(Model, _model.AsMemory(0, Count), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    ArraySegment<string> Strings(string?[] column) => new(column!, 0, Count);

    void Resize(int count)
    {
        if (_logIdentifier.Length < count)
        {
            _logIdentifier = new string?[count];
            _timestamp = new DateTime[count];
            _logLevel = new string?[count];
            _ipAddress = new string?[count];
            _userId = new string?[count];
            _method = new string?[count];
            _path = new string?[count];
            _statusCode = new int[count];
            _responseTime = new double[count];
            _message = new string?[count];
            _bytesSent = new long?[count];
            _service = new string?[count];
            _injectedAnomaly = new string?[count];
            _anomalyScore = new double[count];
            _isAnomaly = new bool[count];
            _threshold = new double[count];
            _thresholdMode = new string?[count];
            _scoredAt = new DateTime[count];
            _model = new string?[count];
        }

        Count = count;
    }

    static DateTime ToTime(long epochMilliseconds) => DateTime.UnixEpoch.AddMilliseconds(epochMilliseconds);

    static long ToEpochMilliseconds(DateTime time) => (time.ToUniversalTime() - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
}
