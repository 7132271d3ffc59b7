using System.Text;
using Xunit.Abstractions;

namespace LogPipeline.Gherkin.Execution;

/// <summary>The scenario's <see cref="ITestOutputHelper"/>: keeps what is written and passes it on to the test's own output.</summary>
public sealed class ScenarioOutput(ITestOutputHelper? inner = null) : ITestOutputHelper
{
    readonly StringBuilder text = new();
    readonly Lock gate = new();

    /// <summary>Everything written so far.</summary>
    public string Text
    {
        get
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }

    /// <inheritdoc/>
    public void WriteLine(string message)
    {
        lock (gate)
        {
            text.AppendLine(message);
        }

        try
        {
            inner?.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // The test has finished (output written from a background task); the text is still kept here.
        }
    }

    /// <inheritdoc/>
    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
