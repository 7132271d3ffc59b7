namespace LogPipeline.RandomCutForest.State;

internal static class StateChecks
{
    public static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException("Invalid forest state: " + message, "state");
        }
    }
}
