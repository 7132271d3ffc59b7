namespace LogPipeline.QueryApi.Responses;

public sealed record SeriesResponse(
    string Series,
    string Granularity,
    long From,
    string FromIso,
    long To,
    string ToIso,
    double Total,
    IReadOnlyList<SeriesPointResponse> Points);
