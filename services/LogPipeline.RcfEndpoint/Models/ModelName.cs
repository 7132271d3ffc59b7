using System.Text.RegularExpressions;

namespace LogPipeline.RcfEndpoint.Models;

/// <summary>SageMaker's endpoint name rule, which also keeps names safe as snapshot file names.</summary>
static partial class ModelName
{
    public const string Rule = "An endpoint name has 1 to 63 characters: letters, digits and hyphens, starting and ending with a letter or digit.";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")]
    private static partial Regex Pattern();
}
