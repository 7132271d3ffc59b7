using System.Text;

namespace LogPipeline.Gherkin;

/// <summary>
/// A step's data table (Reqnroll 2's <c>DataTable</c>): the first row is the <see cref="Header"/>, every other row
/// is a <see cref="DataTableRow"/> read by column name. <c>CreateSet&lt;T&gt;()</c> and <c>CreateInstance&lt;T&gt;()</c>
/// live in <c>LogPipeline.Gherkin.Assist</c>.
/// </summary>
public sealed class DataTable
{
    readonly string[] header;
    readonly List<DataTableRow> rows = [];

    /// <summary>A table with the given column names and no rows yet.</summary>
    public DataTable(params string[] header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Length == 0)
        {
            throw new ArgumentException("A data table needs at least one column.", nameof(header));
        }

        this.header = [.. header];
    }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>The rows under the header.</summary>
    public IReadOnlyList<DataTableRow> Rows => rows;

    /// <summary>How many rows are under the header.</summary>
    public int RowCount => rows.Count;

    /// <summary>Adds a row; it needs one cell per column.</summary>
    public DataTableRow AddRow(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != header.Length)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells but the table has {header.Length} columns.", nameof(cells));
        }

        var row = new DataTableRow(this, [.. cells]);
        rows.Add(row);
        return row;
    }

    /// <summary>The index of a column by name (exact, then ignoring case), or -1.</summary>
    public int IndexOf(string column)
    {
        var index = Array.IndexOf(header, column);
        return index >= 0 ? index : Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The table as Gherkin writes it, with aligned columns.</summary>
    public override string ToString()
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows.Select(r => r.Cells));
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.Append('|');
            for (var c = 0; c < widths.Length; c++)
            {
                text.Append(' ').Append(row[c].PadRight(widths[c])).Append(" |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
