using Microsoft.Extensions.Options;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>Fails start-up on a configured model that could never be served, naming the key to fix.</summary>
sealed class RcfOptionsValidator : IValidateOptions<RcfOptions>
{
    public ValidateOptionsResult Validate(string? name, RcfOptions options)
    {
        var failures = new List<string>();
        if (options.SnapshotInterval <= TimeSpan.Zero)
        {
            failures.Add($"{RcfOptions.SectionName}:SnapshotInterval must be positive (e.g. 00:00:30) but was {options.SnapshotInterval}.");
        }

        if (string.IsNullOrWhiteSpace(options.VariantName))
        {
            failures.Add($"{RcfOptions.SectionName}:VariantName must not be empty.");
        }

        foreach (var (modelName, settings) in options.Models)
        {
            if (!ModelName.IsValid(modelName))
            {
                failures.Add($"{RcfOptions.SectionName}:Models:{modelName}: {ModelName.Rule}");
            }

            if (settings.Validate() is { } problem)
            {
                failures.Add($"{RcfOptions.SectionName}:Models:{modelName}: {problem}");
            }
        }

        if (options.ContainerModel is { Length: > 0 } container && !options.ModelsOrDefault().ContainsKey(container))
        {
            failures.Add($"{RcfOptions.SectionName}:ContainerModel names '{container}', which is not a configured model.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
