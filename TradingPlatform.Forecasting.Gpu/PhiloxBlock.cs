namespace TradingPlatform.Forecasting.Gpu;

/// <summary>One Philox4x32 output: four 32-bit words, read as two 64-bit draws (X1:X0 and X3:X2).</summary>
internal readonly struct PhiloxBlock(uint x0, uint x1, uint x2, uint x3)
{
    public uint X0 { get; } = x0;

    public uint X1 { get; } = x1;

    public uint X2 { get; } = x2;

    public uint X3 { get; } = x3;

    /// <summary>The first 64-bit draw, X1 in the high half.</summary>
    public ulong First => ((ulong)X1 << 32) | X0;

    /// <summary>The second 64-bit draw, X3 in the high half.</summary>
    public ulong Second => ((ulong)X3 << 32) | X2;
}
