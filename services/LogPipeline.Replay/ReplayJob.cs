namespace LogPipeline.Replay;

/// <summary>One replay started through <see cref="ReplayJobs"/>: its request, live progress and outcome.</summary>
public sealed class ReplayJob(string id, ReplayRequest request, DateTimeOffset startedAt)
{
    public string Id { get; } = id;

    public ReplayRequest Request { get; } = request;

    public ReplayProgress Progress { get; } = new();

    public DateTimeOffset StartedAt { get; } = startedAt;

    public ReplayState State { get; internal set; } = ReplayState.Running;

    public DateTimeOffset? FinishedAt { get; internal set; }

    /// <summary>Why it failed (the exception's message; no stack trace).</summary>
    public string? Error { get; internal set; }

    internal CancellationTokenSource Cancellation { get; } = new();

    internal Task Completion { get; set; } = Task.CompletedTask;
}
