using Amazon.CDK.AWS.Logs;

namespace LogPipeline.Deploy;

/// <summary>CloudWatch Logs retention from a number of days (the service accepts only these values).</summary>
public static class LogRetention
{
    public static readonly int[] AllowedDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    private static readonly RetentionDays[] Values =
    [
        RetentionDays.ONE_DAY, RetentionDays.THREE_DAYS, RetentionDays.FIVE_DAYS, RetentionDays.ONE_WEEK, RetentionDays.TWO_WEEKS,
        RetentionDays.ONE_MONTH, RetentionDays.TWO_MONTHS, RetentionDays.THREE_MONTHS, RetentionDays.FOUR_MONTHS, RetentionDays.FIVE_MONTHS,
        RetentionDays.SIX_MONTHS, RetentionDays.ONE_YEAR, RetentionDays.THIRTEEN_MONTHS, RetentionDays.EIGHTEEN_MONTHS, RetentionDays.TWO_YEARS,
        RetentionDays.THREE_YEARS, RetentionDays.FIVE_YEARS, RetentionDays.SIX_YEARS, RetentionDays.SEVEN_YEARS, RetentionDays.EIGHT_YEARS,
        RetentionDays.NINE_YEARS, RetentionDays.TEN_YEARS,
    ];

    public static RetentionDays FromDays(int days)
    {
        var index = Array.IndexOf(AllowedDays, days);
        return index >= 0 ? Values[index] : throw new ArgumentOutOfRangeException(nameof(days), days, "Not a CloudWatch Logs retention period.");
    }
}
