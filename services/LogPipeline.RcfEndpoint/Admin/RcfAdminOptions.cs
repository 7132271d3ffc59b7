using LogPipeline.RcfEndpoint.Models;

namespace LogPipeline.RcfEndpoint.Admin;

/// <summary>
/// The <c>Pipeline:Rcf:Admin</c> section: who may use <c>/admin/models</c> and how large the models it creates may
/// be. The SageMaker runtime paths (<c>/invocations</c>, <c>/endpoints/{name}/invocations</c>, <c>/ping</c>) are not
/// affected.
/// </summary>
public sealed class RcfAdminOptions
{
    public const string SectionName = RcfOptions.SectionName + ":Admin";

    /// <summary>
    /// Keys accepted in <c>X-Api-Key</c>. Empty: the admin API answers only requests from loopback (the machine itself).
    /// </summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Most models the endpoint serves; a PUT that would create one more is refused.</summary>
    public int MaxModels { get; set; } = 16;

    public int MaxTrees { get; set; } = 500;

    public int MaxSampleSize { get; set; } = 2048;

    /// <summary>Most values in one point: FeatureDim × ShingleSize.</summary>
    public int MaxDimensions { get; set; } = 256;

    /// <summary>Null when the admin API may create a model with <paramref name="settings"/>, otherwise which limit it exceeds.</summary>
    public string? CheckLimits(RcfModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Trees > MaxTrees)
        {
            return $"{nameof(RcfModelSettings.Trees)} must be at most {MaxTrees} ({SectionName}:{nameof(MaxTrees)}) but was {settings.Trees}.";
        }

        if (settings.SampleSize > MaxSampleSize)
        {
            return $"{nameof(RcfModelSettings.SampleSize)} must be at most {MaxSampleSize} ({SectionName}:{nameof(MaxSampleSize)}) but was {settings.SampleSize}.";
        }

        if ((long)settings.FeatureDim * settings.ShingleSize > MaxDimensions)
        {
            return $"{nameof(RcfModelSettings.FeatureDim)} × {nameof(RcfModelSettings.ShingleSize)} must be at most {MaxDimensions} ({SectionName}:{nameof(MaxDimensions)}) but was {(long)settings.FeatureDim * settings.ShingleSize}.";
        }

        return null;
    }
}
