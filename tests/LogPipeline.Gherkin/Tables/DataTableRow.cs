using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace LogPipeline.Gherkin;

/// <summary>A row of a <see cref="DataTable"/>: cell values by column name (or by index).</summary>
public sealed class DataTableRow : IReadOnlyDictionary<string, string>
{
    readonly DataTable table;
    readonly string[] cells;

    internal DataTableRow(DataTable table, string[] cells)
    {
        this.table = table;
        this.cells = cells;
    }

    /// <summary>The cells in column order.</summary>
    public IReadOnlyList<string> Cells => cells;

    /// <summary>The cell in the column at <paramref name="index"/>.</summary>
    public string this[int index] => cells[index];

    /// <summary>The cell in the named column.</summary>
    public string this[string key] =>
        TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException(
                $"The table has no column '{key}'; its columns are: {string.Join(", ", table.Header)}.");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => table.Header;

    /// <inheritdoc/>
    public IEnumerable<string> Values => cells;

    /// <inheritdoc/>
    public int Count => cells.Length;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => table.IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = table.IndexOf(key);
        value = index >= 0 ? cells[index] : null;
        return index >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        table.Header.Select((h, i) => KeyValuePair.Create(h, cells[i])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "| " + string.Join(" | ", cells) + " |";
}
