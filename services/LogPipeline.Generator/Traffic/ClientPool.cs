using System.Globalization;

namespace LogPipeline.Generator.Traffic;

/// <summary>
/// The shop's regular clients: <c>user-00001</c>… each with one to three IP addresses (home, mobile, work) drawn
/// from a fixed set of consumer networks. Strangers (scanners, unusual clients) come from other networks and have
/// user ids beyond the pool, so they can never be mistaken for regulars.
/// </summary>
public sealed class ClientPool
{
    // First two octets of the networks the regular clients live in (residential and mobile ISPs).
    static readonly string[] HomeNetworks =
        ["81.2", "86.147", "92.40", "109.150", "151.224", "176.24", "188.29", "212.58", "2.96", "5.64", "78.33", "95.91"];

    // Disjoint from HomeNetworks: hosting providers and anonymisers where scanners and strangers come from.
    static readonly string[] ForeignNetworks = ["45.155", "185.220", "193.32", "103.251", "91.240", "198.98", "23.129"];

    readonly string[] _userIds;
    readonly string[][] _addresses;
    readonly HashSet<string> _knownAddresses = new(StringComparer.Ordinal);

    public ClientPool(int userCount, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(userCount, 1);
        _userIds = new string[userCount];
        _addresses = new string[userCount][];
        for (var i = 0; i < userCount; i++)
        {
            _userIds[i] = UserId(i + 1);
            var addresses = new string[1 + random.Next(3)];
            for (var j = 0; j < addresses.Length; j++)
            {
                addresses[j] = Address(HomeNetworks, random);
                _knownAddresses.Add(addresses[j]);
            }

            _addresses[i] = addresses;
        }
    }

    public int UserCount => _userIds.Length;

    /// <summary>A regular client: a user and one of that user's addresses (mostly the first, the home one).</summary>
    public (string UserId, string IpAddress) Pick(Random random)
    {
        var user = random.Next(_userIds.Length);
        var addresses = _addresses[user];
        var address = addresses.Length == 1 || random.NextDouble() < 0.7 ? addresses[0] : addresses[1 + random.Next(addresses.Length - 1)];
        return (_userIds[user], address);
    }

    /// <summary>An address from a network no regular client uses.</summary>
    public static string StrangerAddress(Random random) => Address(ForeignNetworks, random);

    /// <summary>A user id numbered beyond the pool, so no regular client has it.</summary>
    public string StrangerUserId(Random random) => UserId(_userIds.Length + 1 + random.Next(100_000));

    public bool IsKnownUser(string userId) => Array.IndexOf(_userIds, userId) >= 0;

    public bool IsKnownAddress(string ipAddress) => _knownAddresses.Contains(ipAddress);

    static string UserId(int number) => "user-" + number.ToString("D5", CultureInfo.InvariantCulture);

    static string Address(string[] networks, Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{networks[random.Next(networks.Length)]}.{random.Next(256)}.{1 + random.Next(254)}");
}
