namespace LogPipeline.Hosting.Orchestration;

public sealed class OrchestratorOptions
{
    /// <summary>The build configuration whose output projects run from (the app host's own).</summary>
    public string Configuration { get; set; } = "Debug";

    public bool EchoConsole { get; set; } = true;

    public int EchoPrefixWidth { get; set; } = 12;

    public bool WaitForHealthyOnStart { get; set; }

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int KafkaBrokers { get; set; } = 1;

    /// <summary>Where services send OTLP, if anywhere.</summary>
    public string? OtlpEndpoint { get; set; }
}
