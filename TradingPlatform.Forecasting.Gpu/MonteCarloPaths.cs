namespace TradingPlatform.Forecasting.Gpu;

/// <summary>
/// One path, the same code on the CPU and in the kernel, so the two backends produce the same doubles. Step pairs share
/// one Philox block (counter (pair, 0, path, 0), key = seed): its two 64-bit draws give two normals by Box–Muller
/// (R = √(−2 ln U₁) with U₁ in (0, 1], Z = R cos 2πU₂ for the first step and R sin 2πU₂ for the second), or two
/// residual indices. Geometric Brownian motion keeps the log-growth Lₕ = (Lₕ₋₁ + (μ − σ²/2)) + σZₕ (one fused
/// multiply-add) and Sₕ = S₀ · exp(Lₕ); the bootstrap keeps Gₕ = Gₕ₋₁ · (1 + r) and Sₕ = Fₕ · Gₕ. A path touches the
/// stop-loss at the first step with Sₕ ≤ stop and the take-profit at the first with Sₕ ≥ take (discrete monitoring:
/// only at the steps).
/// </summary>
internal static class MonteCarloPaths
{
    public static void Simulate<TBuffers, TFma>(PathConstants constants, TBuffers buffers, int path)
        where TBuffers : struct, IPathBuffers
        where TFma : struct, IFusedMultiplyAdd
    {
        var logGrowth = 0.0;
        var growth = 1.0;
        var stopLossStep = 0;
        var takeProfitStep = 0;
        for (var step = 0; step < constants.Steps; step += 2)
        {
            var block = Philox4x32.Generate((uint)(step >> 1), 0, (uint)path, 0, constants.Key0, constants.Key1);
            var first = block.First;
            var second = block.Second;
            var z0 = 0.0;
            var z1 = 0.0;
            if (constants.Bootstrap == 0)
            {
                var radius = Math.Sqrt(-2.0 * DeterministicMath.Log<TFma>(DeterministicMath.OpenUnit(first)));
                DeterministicMath.SinCosTwoPi<TFma>(DeterministicMath.HalfOpenUnit(second), out var sin, out var cos);
                z0 = radius * cos;
                z1 = radius * sin;
            }

            var pairEnd = Math.Min(step + 2, constants.Steps);
            for (var h = step; h < pairEnd; h++)
            {
                var isFirst = h == step;
                double price;
                if (constants.Bootstrap == 0)
                {
                    logGrowth = default(TFma).Apply(constants.Volatility, isFirst ? z0 : z1, logGrowth + constants.LogDrift);
                    price = constants.LastPrice * DeterministicMath.Exp<TFma>(logGrowth);
                }
                else
                {
                    growth *= buffers.Growth(DeterministicMath.Index(isFirst ? first : second, constants.ResidualCount));
                    price = buffers.Base(h) * growth;
                }

                buffers.SetPrice(h, path, price);
                if (stopLossStep == 0 && constants.HasStopLoss != 0 && price <= constants.StopLoss)
                {
                    stopLossStep = h + 1;
                }

                if (takeProfitStep == 0 && constants.HasTakeProfit != 0 && price >= constants.TakeProfit)
                {
                    takeProfitStep = h + 1;
                }
            }
        }

        buffers.SetTouches(path, stopLossStep, takeProfitStep);
    }
}
