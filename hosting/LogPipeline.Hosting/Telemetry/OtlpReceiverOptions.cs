namespace LogPipeline.Hosting.Telemetry;

/// <summary>
/// Where the dashboard listens for OTLP (<c>Dashboard:Otlp</c>), on the ports Aspire's dashboard uses:
/// OTLP/HTTP (protobuf) on 18890 and OTLP/gRPC on 18889. A port of 0 picks a free one (tests do).
/// </summary>
public sealed class OtlpReceiverOptions
{
    public const string Section = "Dashboard:Otlp";

    public const string DefaultHttpUrl = "http://localhost:18890";

    public const string DefaultGrpcUrl = "http://localhost:18889";

    public string? HttpUrl { get; set; }

    public string? GrpcUrl { get; set; }
}
