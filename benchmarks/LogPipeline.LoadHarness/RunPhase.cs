namespace LogPipeline.LoadHarness;

/// <summary>Where a run is: at which rate (index into the rates; -1 before the first) and whether that rate is being measured.</summary>
public readonly record struct RunPhase(int RateIndex, bool Measuring)
{
    public static readonly RunPhase Starting = new(-1, false);
}
