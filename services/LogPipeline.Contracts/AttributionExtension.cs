namespace LogPipeline.Contracts;

/// <summary>
/// Our optional extension of the SageMaker response, served by the local RCF endpoint: a caller that sends
/// <c>X-Amzn-SageMaker-Custom-Attributes: attribution=true</c> gets each score split over the record's features,
/// <c>{"score":x,"attribution":{"high":[..],"low":[..]}}</c>, and the header echoed back. Without it the answer is
/// SageMaker's own. SageMaker's built-in RCF knows no such option: it answers without attribution.
/// </summary>
public static class AttributionExtension
{
    /// <summary>SageMaker's header for attributes passed to the model verbatim (and back to the caller).</summary>
    public const string CustomAttributesHeader = "X-Amzn-SageMaker-Custom-Attributes";

    /// <summary>The custom attribute that asks for attribution.</summary>
    public const string CustomAttribute = "attribution=true";

    public const string PropertyName = "attribution";

    public const string HighPropertyName = "high";

    public const string LowPropertyName = "low";

    /// <summary>
    /// True when the free-form custom attributes (entries separated by <c>,</c> or <c>;</c>) hold
    /// <see cref="CustomAttribute"/>, in any case and with spaces around the entry.
    /// </summary>
    public static bool IsRequested(ReadOnlySpan<char> customAttributes)
    {
        foreach (var range in customAttributes.SplitAny(',', ';'))
        {
            if (customAttributes[range].Trim().Equals(CustomAttribute, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
