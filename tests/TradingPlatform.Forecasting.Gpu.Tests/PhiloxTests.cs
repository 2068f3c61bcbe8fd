namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>Philox4x32-10 against the Random123 library's known-answer vectors (kat_vectors).</summary>
public sealed class PhiloxTests
{
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Known_answer_vectors(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint x0, uint x1, uint x2, uint x3)
    {
        var block = Philox4x32.Generate(c0, c1, c2, c3, k0, k1);

        Assert.Equal((x0, x1, x2, x3), (block.X0, block.X1, block.X2, block.X3));
    }

    [Fact]
    public void The_two_draws_put_the_odd_words_in_the_high_halves()
    {
        var block = new PhiloxBlock(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);

        Assert.Equal(0xe169c58d_6627e8d5UL, block.First);
        Assert.Equal(0x9b00dbd8_bc57ac4cUL, block.Second);
    }
}
