namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011; the Random123
/// library's constants): a counter-based generator, so the value for a (key, counter) pair needs no state and no
/// sequence, and a GPU thread and a CPU loop that ask for the same pair get the same 128 bits. Integer arithmetic
/// only, hence equal on every backend. The paths use key = the seed and counter = (block, 0, path, 0).
/// </summary>
internal static class Philox4x32
{
    private const uint Multiplier0 = 0xD2511F53;
    private const uint Multiplier1 = 0xCD9E8D57;
    private const uint Weyl0 = 0x9E3779B9;
    private const uint Weyl1 = 0xBB67AE85;
    private const int Rounds = 10;

    public static PhiloxBlock Generate(uint counter0, uint counter1, uint counter2, uint counter3, uint key0, uint key1)
    {
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                key0 += Weyl0;
                key1 += Weyl1;
            }

            var product0 = (ulong)Multiplier0 * counter0;
            var product1 = (ulong)Multiplier1 * counter2;
            var next0 = (uint)(product1 >> 32) ^ counter1 ^ key0;
            var next2 = (uint)(product0 >> 32) ^ counter3 ^ key1;
            counter1 = (uint)product1;
            counter3 = (uint)product0;
            counter0 = next0;
            counter2 = next2;
        }

        return new PhiloxBlock(counter0, counter1, counter2, counter3);
    }
}
