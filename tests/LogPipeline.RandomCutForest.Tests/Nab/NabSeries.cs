using System.Globalization;
using System.Text.Json;

namespace LogPipeline.RandomCutForest.Tests.Nab;

/// <summary>A Numenta Anomaly Benchmark series with its labelled anomaly windows (MIT, see TestData/nab/LICENSE.txt).</summary>
internal sealed record NabSeries(DateTime[] Timestamps, double[] Values, (DateTime Start, DateTime End)[] Windows)
{
    public static NabSeries Load(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "nab");
        var rows = File.ReadAllLines(Path.Combine(folder, name + ".csv"))[1..];
        var timestamps = new DateTime[rows.Length];
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].Split(',');
            timestamps[i] = DateTime.ParseExact(cells[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            values[i] = double.Parse(cells[1], CultureInfo.InvariantCulture);
        }

        using var windowsJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name + ".windows.json")));
        var windows = new List<(DateTime, DateTime)>();
        foreach (var window in windowsJson.RootElement.GetProperty($"realKnownCause/{name}.csv").EnumerateArray())
        {
            windows.Add((ParseWindowTime(window[0]), ParseWindowTime(window[1])));
        }

        return new NabSeries(timestamps, values, [.. windows]);
    }

    /// <summary>Index of the window holding <paramref name="index"/>, or -1.</summary>
    public int WindowOf(int index)
    {
        for (var w = 0; w < Windows.Length; w++)
        {
            if (Timestamps[index] >= Windows[w].Start && Timestamps[index] <= Windows[w].End)
            {
                return w;
            }
        }

        return -1;
    }

    private static DateTime ParseWindowTime(JsonElement value) =>
        DateTime.ParseExact(value.GetString()!, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
}
