using System.Text.Json.Nodes;

namespace LogPipeline.Specs.Support;

/// <summary>
/// The logs one scenario sent, with ids and a path of its own (<c>/api/search/specs-{run}</c>: a route of its own,
/// since the counters count by route, so the path tells them apart in the store and in the counters).
/// </summary>
public sealed class SentLogs
{
    readonly List<JsonObject> _logs = [];
    readonly Lock _lock = new();
    int _next;

    public string Run { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Path => $"/api/search/specs-{Run}";

    /// <summary>Every log sent so far (a log sent twice is here once).</summary>
    public IReadOnlyList<JsonObject> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _logs];
            }
        }
    }

    public IReadOnlyList<string> Ids => [.. All.Select(Id)];

    /// <summary>The logs of the latest <see cref="Create"/> call.</summary>
    public IReadOnlyList<JsonObject> Latest { get; private set; } = [];

    public long From => All.Min(l => l["timestamp"]!.GetValue<long>());

    public long To => All.Max(l => l["timestamp"]!.GetValue<long>());

    /// <summary>Creates <paramref name="count"/> normal-looking logs with new ids, time-stamped now.</summary>
    public IReadOnlyList<JsonObject> Create(int count, string label = "log")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var created = new List<JsonObject>(count);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                var n = _next++;
                created.Add(new JsonObject
                {
                    ["log_identifier"] = $"specs-{Run}-{label}-{n:D5}",
                    ["timestamp"] = now + i,
                    ["log_level"] = "INFO",
                    ["ip_address"] = $"10.20.{n / 200 % 250}.{(n % 200) + 10}",
                    ["user_id"] = $"specs-user-{n % 50}",
                    ["method"] = "GET",
                    ["path"] = Path,
                    ["status_code"] = 200,
                    ["response_time"] = Math.Round(0.12 + (n % 7 * 0.02), 3),
                    ["message"] = $"GET {Path} 200",
                    ["bytes_sent"] = 14_000 + (n % 13 * 100),
                    ["service"] = "search",
                });
            }

            _logs.AddRange(created);
        }

        Latest = created;
        return created;
    }

    /// <summary>Takes a log that is not meant to be stored (a bad message built from it) out of the sent logs.</summary>
    public void Forget(string id)
    {
        lock (_lock)
        {
            _logs.RemoveAll(l => Id(l) == id);
        }
    }

    public static string Id(JsonObject log) => log["log_identifier"]!.GetValue<string>();
}
