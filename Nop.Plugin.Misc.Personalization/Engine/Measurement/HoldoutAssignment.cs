using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Misc.Personalization.Engine.Measurement;

/// <summary>
/// Puts a customer in the holdout group (no personalised widgets) or the treated group, from the customer's GUID alone.
/// The bucket is a SHA-256 of a fixed salt and the GUID's bytes, so it is the same in every request, process and
/// web-farm node, and a customer held out at p % stays held out at any higher percent.
/// </summary>
public static class HoldoutAssignment
{
    /// <summary>
    /// Buckets per percent point: the holdout share is exact to 0.01 pp.
    /// </summary>
    public const int BUCKETS = 10_000;

    public const int MAX_PERCENT = 100;

    //changing the salt reshuffles every customer between the groups: never change it while an experiment runs
    private static readonly byte[] _salt = Encoding.ASCII.GetBytes("Nop.Plugin.Misc.Personalization/holdout/v1");

    public static bool IsHeldOut(Guid customerGuid, int percent)
    {
        if (percent <= 0 || customerGuid == Guid.Empty)
            return false;

        return Bucket(customerGuid) < Math.Min(percent, MAX_PERCENT) * (BUCKETS / 100);
    }

    /// <summary>
    /// The customer's fixed position in [0, BUCKETS).
    /// </summary>
    public static int Bucket(Guid customerGuid)
    {
        Span<byte> input = stackalloc byte[_salt.Length + 16];
        _salt.CopyTo(input);
        //Guid.TryWriteBytes has a documented, platform-independent byte order
        customerGuid.TryWriteBytes(input[_salt.Length..]);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);

        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % BUCKETS);
    }
}
