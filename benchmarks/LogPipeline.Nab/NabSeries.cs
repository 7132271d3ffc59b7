using System.Globalization;

namespace LogPipeline.Nab;

/// <summary>A Numenta Anomaly Benchmark series with its labelled anomaly windows (MIT, see TestData/nab/LICENSE.txt).</summary>
public sealed record NabSeries(string Name, DateTime[] Timestamps, double[] Values, NabWindow[] Windows)
{
    /// <summary>Reads NAB's CSV layout: a header, then <c>yyyy-MM-dd HH:mm:ss,value</c> rows.</summary>
    public static NabSeries Read(string name, string csvPath, NabWindow[] windows)
    {
        var rows = File.ReadAllLines(csvPath)[1..];
        var timestamps = new DateTime[rows.Length];
        var values = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var comma = rows[i].IndexOf(',', StringComparison.Ordinal);
            timestamps[i] = DateTime.ParseExact(rows[i].AsSpan(0, comma), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            values[i] = double.Parse(rows[i].AsSpan(comma + 1), CultureInfo.InvariantCulture);
        }

        return new NabSeries(name, timestamps, values, windows);
    }

    /// <summary>Index of the window holding point <paramref name="index"/>, or -1.</summary>
    public int WindowOf(int index)
    {
        for (var w = 0; w < Windows.Length; w++)
        {
            if (Windows[w].Contains(Timestamps[index]))
            {
                return w;
            }
        }

        return -1;
    }
}
