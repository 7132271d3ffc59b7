namespace LogPipeline.Contracts;

/// <summary>
/// A request path's route: the path without its query string and with id-like segments replaced by <c>{id}</c>, so
/// <c>/products/541?ref=mail</c> and <c>/products/7</c> are both <c>/products/{id}</c>. The scorer's path-novelty
/// feature and the writer's per-path counters use it: raw paths (ids, search terms) have no bound on their number.
/// </summary>
public static class LogRoutes
{
    /// <summary>The path's route: without the query string, id-like segments replaced by <c>{id}</c>.</summary>
    public static string RouteOf(string path)
    {
        var end = path.IndexOf('?', StringComparison.Ordinal);
        var span = end < 0 ? path.AsSpan() : path.AsSpan(0, end);
        if (!HasIdSegment(span))
        {
            return end < 0 ? path : span.ToString();
        }

        var route = new System.Text.StringBuilder(span.Length);
        foreach (var range in span.Split('/'))
        {
            if (range.Start.Value > 0)
            {
                route.Append('/');
            }

            var segment = span[range];
            route.Append(IsId(segment) ? "{id}" : segment);
        }

        return route.ToString();
    }

    static bool HasIdSegment(ReadOnlySpan<char> path)
    {
        foreach (var range in path.Split('/'))
        {
            if (IsId(path[range]))
            {
                return true;
            }
        }

        return false;
    }

    // Digits (order 541), or a long hexadecimal/GUID token (basket 3f2a…); not words like "cart".
    static bool IsId(ReadOnlySpan<char> segment) =>
        segment.Length > 0 && (!segment.ContainsAnyExcept("0123456789")
            || (segment.Length >= 16 && !segment.ContainsAnyExcept("0123456789abcdefABCDEF-")));
}
