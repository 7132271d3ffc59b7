namespace LogPipeline.QueryApi.Apis;

/// <summary>Validation errors keyed by the query parameter they concern, for a 400 problem details response.</summary>
sealed class QueryErrors
{
    readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IDictionary<string, string[]> ByParameter => _errors;

    public void Add(string parameter, string message)
    {
        _errors[parameter] = _errors.TryGetValue(parameter, out var existing) ? [.. existing, message] : [message];
    }
}
