namespace LogPipeline.RcfEndpoint.Models;

/// <summary>The <c>Pipeline:Rcf</c> configuration section.</summary>
public sealed class RcfOptions
{
    public const string SectionName = "Pipeline:Rcf";

    /// <summary>The endpoint name the source articles use; the one model served when none is configured.</summary>
    public const string DefaultModelName = "rcf-anomaly-endpoint";

    /// <summary>Where snapshots of every model are kept; unset keeps models in memory only.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>How often changed models are written to <see cref="StateDirectory"/> (they are also written at shutdown).</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The model behind the container contract's <c>POST /invocations</c>; unset picks the only (or default, or first) model.</summary>
    public string? ContainerModel { get; set; }

    /// <summary>Reported in <c>x-Amzn-Invoked-Production-Variant</c>, as SageMaker names the variant that answered.</summary>
    public string VariantName { get; set; } = "AllTraffic";

    /// <summary>The account named in "Endpoint X of account Y not found." (LocalStack's convention for a local account).</summary>
    public string AccountId { get; set; } = "000000000000";

    /// <summary>
    /// The model served when none is configured: the default forest with AWS's streaming time decay,
    /// 1/(10·sample size), so the sample follows the recent stream instead of remembering its start forever
    /// (with a uniform sample, clients that were new while the pipeline warmed up keep looking normal).
    /// </summary>
    public static RcfModelSettings DefaultModel { get; } = new() { TimeDecay = 1.0 / (10 * 256) };

    /// <summary>Models by endpoint name. Empty means one default model named <see cref="DefaultModelName"/>.</summary>
    public Dictionary<string, RcfModelSettings> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool PersistsState => !string.IsNullOrWhiteSpace(StateDirectory);

    public IReadOnlyDictionary<string, RcfModelSettings> ModelsOrDefault() =>
        Models.Count > 0 ? Models : new Dictionary<string, RcfModelSettings>(StringComparer.OrdinalIgnoreCase) { [DefaultModelName] = DefaultModel };
}
