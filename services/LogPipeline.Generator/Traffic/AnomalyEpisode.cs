namespace LogPipeline.Generator.Traffic;

/// <summary>
/// What the records of one anomaly have in common: the degraded endpoint of a latency spike or error burst, the
/// scanner's address, the stranger's address and user id.
/// </summary>
readonly record struct AnomalyEpisode(EndpointProfile? Endpoint, string? IpAddress, string? UserId);
