using System.Globalization;
using System.Text;

namespace LogPipeline.RcfEndpoint.Tests.Infrastructure;

/// <summary>Seeded test records and their encodings in the endpoint's input formats.</summary>
public static class Records
{
    /// <summary><paramref name="count"/> records of <paramref name="dimensions"/> values near 1, 2, 3, .. with a little noise.</summary>
    public static float[] Normal(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * dimensions];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (i % dimensions) + 1 + (float)((random.NextDouble() - 0.5) * 0.2);
        }

        return values;
    }

    public static string Json(float[] values, int dimensions)
    {
        var json = new StringBuilder("{\"instances\":[");
        for (var offset = 0; offset < values.Length; offset += dimensions)
        {
            json.Append(offset == 0 ? "" : ",").Append("{\"features\":[").Append(Join(values, offset, dimensions)).Append("]}");
        }

        return json.Append("]}").ToString();
    }

    public static string Csv(float[] values, int dimensions)
    {
        var csv = new StringBuilder();
        for (var offset = 0; offset < values.Length; offset += dimensions)
        {
            csv.Append(Join(values, offset, dimensions)).Append('\n');
        }

        return csv.ToString();
    }

    public static string JsonLines(float[] values, int dimensions)
    {
        var lines = new StringBuilder();
        for (var offset = 0; offset < values.Length; offset += dimensions)
        {
            lines.Append("{\"features\":[").Append(Join(values, offset, dimensions)).Append("]}\n");
        }

        return lines.ToString();
    }

    private static string Join(float[] values, int offset, int count) =>
        string.Join(",", values.Skip(offset).Take(count).Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
