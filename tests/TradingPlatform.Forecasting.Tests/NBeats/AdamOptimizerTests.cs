using TradingPlatform.Forecasting.NBeats;

namespace TradingPlatform.Forecasting.Tests.NBeats;

/// <summary>Adam's update and its gradient clipping, on parameters whose gradients the test sets by hand.</summary>
public sealed class AdamOptimizerTests
{
    [Fact]
    public void The_first_step_moves_each_parameter_by_the_learning_rate_against_its_gradient()
    {
        var network = TinyNetwork();
        var parameter = network.Parameters[0];
        var before = parameter.Values.ToArray();
        for (var i = 0; i < parameter.Length; i++)
        {
            parameter.Gradient[i] = i % 2 == 0 ? 0.3 : -2;
        }

        new AdamOptimizer([parameter], learningRate: 0.01).Step();

        for (var i = 0; i < parameter.Length; i++)
        {
            // m̂ = g, v̂ = g²: the step is α g / (|g| + ε)
            var g = parameter.Gradient[i];
            Assert.Equal(before[i] - (0.01 * g / (Math.Abs(g) + 1e-8)), parameter.Values[i], 1e-15);
        }
    }

    [Fact]
    public void Repeated_steps_minimize_a_quadratic()
    {
        var parameter = TinyNetwork().Parameters[0];
        var optimizer = new AdamOptimizer([parameter], learningRate: 0.01);
        for (var step = 0; step < 3000; step++)
        {
            parameter.Values.CopyTo(parameter.Gradient); // ∇ ½‖θ‖² = θ
            optimizer.Step();
        }

        Assert.Equal(3000, optimizer.StepCount);
        Assert.All(parameter.Values.ToArray(), value => Assert.InRange(value, -1e-3, 1e-3));
    }

    [Fact]
    public void Clipping_scales_a_long_gradient_down_to_the_clip_norm()
    {
        var clippedParameter = TinyNetwork().Parameters[1];
        var freeParameter = TinyNetwork().Parameters[1];
        var clipped = new AdamOptimizer([clippedParameter], learningRate: 0.1, gradientClipNorm: 1);
        var free = new AdamOptimizer([freeParameter], learningRate: 0.1);

        // a long first gradient, then a short one: without clipping the first dominates Adam's moments
        Array.Fill(clippedParameter.Gradient, 100.0);
        Array.Fill(freeParameter.Gradient, 100.0);
        Assert.Equal(100 * Math.Sqrt(clippedParameter.Length), clipped.Step(), 1e-9);
        free.Step();
        Array.Fill(clippedParameter.Gradient, -0.01);
        Array.Fill(freeParameter.Gradient, -0.01);
        clipped.Step();
        free.Step();

        var clippedFirst = 1 / Math.Sqrt(clippedParameter.Length);
        var expected = SecondAdamMove(clippedFirst, -0.01, 0.1);
        var unclipped = SecondAdamMove(100, -0.01, 0.1);
        var start = TinyNetwork().Parameters[1].Values.ToArray();
        for (var i = 0; i < start.Length; i++)
        {
            Assert.Equal(start[i] + expected, clippedParameter.Values[i], 1e-12);
            Assert.Equal(start[i] + unclipped, freeParameter.Values[i], 1e-12);
        }
    }

    /// <summary>The sum of Adam's first two moves for gradients g₁ then g₂ (β₁ = 0.9, β₂ = 0.999, ε = 1e-8).</summary>
    private static double SecondAdamMove(double g1, double g2, double learningRate)
    {
        var first = -learningRate * g1 / (Math.Abs(g1) + 1e-8);
        var m = (0.9 * 0.1 * g1) + (0.1 * g2);
        var v = (0.999 * 0.001 * g1 * g1) + (0.001 * g2 * g2);
        var second = -learningRate * (m / (1 - (0.9 * 0.9))) / (Math.Sqrt(v / (1 - (0.999 * 0.999))) + 1e-8);
        return first + second;
    }

    private static NBeatsNetwork TinyNetwork() =>
        new(new NBeatsOptions { Lookback = 3, Horizon = 2, Stacks = 1, BlocksPerStack = 1, LayersPerBlock = 1, HiddenUnits = 3, Seed = 5 });
}
