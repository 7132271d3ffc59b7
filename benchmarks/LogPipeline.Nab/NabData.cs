using System.Globalization;
using System.Text.Json;

namespace LogPipeline.Nab;

/// <summary>
/// The NAB data kept in the repository (tests/TestData/nab, copied next to the binaries): nyc_taxi and the
/// development set (34 series, 67 windows) with NAB's labelled windows.
/// </summary>
public static class NabData
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "nab");

    /// <summary>NAB's realKnownCause/nyc_taxi: 10,320 half-hourly taxi counts, 5 windows.</summary>
    public static NabSeries NycTaxi()
    {
        var windows = ReadWindows(Path.Combine(Folder, "nyc_taxi.windows.json")).Single(entry => entry.Key == "realKnownCause/nyc_taxi.csv");
        return NabSeries.Read("nyc_taxi", Path.Combine(Folder, "nyc_taxi.csv"), windows.Value);
    }

    /// <summary>Every series of the development set, in the order of its windows.json.</summary>
    public static IReadOnlyList<NabSeries> DevelopmentSet()
    {
        var folder = Path.Combine(Folder, "dev");
        return [.. ReadWindows(Path.Combine(folder, "windows.json"))
            .Select(entry => NabSeries.Read(
                Path.GetFileNameWithoutExtension(entry.Key),
                Path.Combine(folder, entry.Key),
                entry.Value))];
    }

    /// <summary>NAB's windows file: relative CSV path → list of [start, end] pairs.</summary>
    private static List<KeyValuePair<string, NabWindow[]>> ReadWindows(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var series = new List<KeyValuePair<string, NabWindow[]>>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var windows = entry.Value.EnumerateArray().Select(pair => new NabWindow(Time(pair[0]), Time(pair[1]))).ToArray();
            series.Add(new(entry.Name, windows));
        }

        return series;
    }

    private static DateTime Time(JsonElement value) =>
        DateTime.ParseExact(value.GetString()!, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
