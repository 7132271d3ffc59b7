namespace LogPipeline.LoadHarness;

/// <summary>What <see cref="ProcessSampler"/> reads from <c>/proc/PID/stat</c>: the parent, CPU time (user + system, in USER_HZ ticks) and resident pages.</summary>
internal readonly record struct ProcStat(int ParentPid, long Ticks, long RssPages);
