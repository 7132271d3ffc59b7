using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LogPipeline.Deploy.Tests.Infrastructure;

/// <summary>
/// The container image settings of each containerized project, as <c>dotnet publish -t:PublishContainer</c> would use
/// them: MSBuild runs the SDK's <c>ComputeContainerConfig</c> target, which needs neither a registry nor a daemon, and
/// reports the resulting properties and items. Evaluated once, in parallel.
/// </summary>
public sealed class ContainerSettings
{
    public const string Registry = "111122223333.dkr.ecr.eu-west-1.amazonaws.com";

    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["services/LogPipeline.Scorer"] = ServiceImages.Scorer,
        ["services/LogPipeline.Writer"] = ServiceImages.Writer,
        ["services/LogPipeline.QueryApi"] = ServiceImages.QueryApi,
        ["services/LogPipeline.Generator"] = ServiceImages.Generator,
        ["services/LogPipeline.RcfEndpoint"] = ServiceImages.RcfEndpoint,
        ["deploy/LogPipeline.Deploy.Topics"] = ServiceImages.Topics,
    };

    static readonly string[] Properties =
    [
        "ContainerRepository", "ContainerBaseImage", "ContainerRuntimeIdentifier", "ContainerUser", "ContainerWorkingDirectory",
        "ContainerAppCommandInstruction", "LogPipelineContainer",
    ];

    static readonly string[] Items =
    [
        "ContainerPort", "ContainerEnvironmentVariables", "ContainerImageTags", "ContainerAppCommand", "ContainerAppCommandArgs", "ContainerDefaultArgs",
    ];

    public ContainerSettings()
    {
        var evaluations = Projects.Keys.ToDictionary(p => p, p => EvaluateAsync(p, "-p:ContainerRegistry=" + Registry));
        var withoutRegistry = EvaluateAsync("services/LogPipeline.Scorer");
        var appHost = EvaluateAsync("LogPipeline.AppHost", withTarget: false);
        Task.WaitAll([.. evaluations.Values, withoutRegistry, appHost]);
        ByProject = evaluations.ToDictionary(e => e.Key, e => e.Value.Result);
        KafkaServiceWithoutRegistry = withoutRegistry.Result;
        AppHost = appHost.Result;
    }

    public IReadOnlyDictionary<string, Evaluation> ByProject { get; }

    public Evaluation KafkaServiceWithoutRegistry { get; }

    public Evaluation AppHost { get; }

    static async Task<Evaluation> EvaluateAsync(string project, string? extra = null, bool withTarget = true)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, project));
        start.ArgumentList.Add("-nologo");
        start.ArgumentList.Add("-nodeReuse:false");
        if (withTarget)
        {
            start.ArgumentList.Add("-target:ComputeContainerConfig");
        }

        if (extra is not null)
        {
            start.ArgumentList.Add(extra);
        }

        foreach (var property in Properties)
        {
            start.ArgumentList.Add("-getProperty:" + property);
        }

        if (withTarget)
        {
            foreach (var item in Items)
            {
                start.ArgumentList.Add("-getItem:" + item);
            }
        }

        // The test host's own MSBuild variables must not leak into the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Evaluation(project, process.ExitCode, await output + await error);
    }
}

/// <summary>One project's evaluated container settings (or its failure).</summary>
public sealed record Evaluation(string Project, int ExitCode, string Output)
{
    JsonObject Json => JsonNode.Parse(Output[Output.IndexOf('{', StringComparison.Ordinal)..])!.AsObject();

    public string Property(string name) =>
        ExitCode == 0 ? (string?)Json["Properties"]![name] ?? "" : throw new InvalidOperationException($"{Project} failed to evaluate:\n{Output}");

    /// <summary>The identities of an item type, in order.</summary>
    public IReadOnlyList<string> Item(string name) => ItemsWithMetadata(name).Select(i => (string)i["Identity"]!).ToList();

    public IReadOnlyList<JsonObject> ItemsWithMetadata(string name) =>
        ExitCode == 0
            ? Json["Items"]![name]?.AsArray().Select(i => i!.AsObject()).ToList() ?? []
            : throw new InvalidOperationException($"{Project} failed to evaluate:\n{Output}");
}
