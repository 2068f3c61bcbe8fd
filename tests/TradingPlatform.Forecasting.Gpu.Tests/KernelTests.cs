using System.Text.RegularExpressions;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace TradingPlatform.Forecasting.Gpu.Tests;

/// <summary>
/// The kernel on ILGPU's CPU accelerator (an emulator: small inputs only) must equal the CPU reference path by path,
/// bit for bit: the same per-path code, generator and arithmetic. Its PTX is checked for what would break that on CUDA.
/// </summary>
public sealed class KernelTests(CpuEmulatorFixture emulator) : IClassFixture<CpuEmulatorFixture>
{
    public static TheoryData<string> Requests => ["gbm", "gbm-odd-steps", "bootstrap", "bootstrap-forecast"];

    [Theory]
    [MemberData(nameof(Requests))]
    public void Kernel_on_the_cpu_accelerator_equals_the_cpu_reference_bit_for_bit(string name)
    {
        var request = Request(name);

        var kernel = emulator.Paths.Simulate(request, default);
        var cpu = Simulations.Cpu(request);

        Assert.Equal(cpu.Prices.Length, kernel.Prices.Length);
        for (var i = 0; i < cpu.Prices.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(cpu.Prices[i]), BitConverter.DoubleToInt64Bits(kernel.Prices[i]));
        }

        Assert.Equal(cpu.StopLossSteps, kernel.StopLossSteps);
        Assert.Equal(cpu.TakeProfitSteps, kernel.TakeProfitSteps);
        Assert.Contains(cpu.StopLossSteps, s => s > 0);
        Assert.Contains(cpu.TakeProfitSteps, s => s > 0);
    }

    [Fact]
    public void The_engine_on_the_kernel_summarises_as_the_cpu_engine_does()
    {
        var request = Request("gbm");
        using var onKernel = MonteCarloEngine.On(emulator.Paths);

        var kernel = onKernel.Run(request);
        var cpu = Simulations.Run(request);

        Assert.Equal(cpu.Risk, kernel.Risk);
        Assert.Equal(cpu.Barriers, kernel.Barriers);
        for (var h = 0; h < request.Steps; h++)
        {
            Assert.Equal(cpu.Steps[h].Quantiles, kernel.Steps[h].Quantiles);
            Assert.Equal(cpu.Steps[h].ProbabilityAbove, kernel.Steps[h].ProbabilityAbove);
        }
    }

    [Fact]
    public void The_kernel_compiles_to_ptx_with_exact_double_arithmetic_only()
    {
        using var context = Context.Create(builder => builder.Cuda());
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_80, null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(typeof(MonteCarloKernel).GetMethod(nameof(MonteCarloKernel.Run))!.MakeGenericMethod(typeof(PtxFusedMultiplyAdd)));

        var ptx = ((PTXCompiledKernel)backend.Compile(entry, default(KernelSpecialization))).PTXAssembly;

        // The explicit fused multiply-adds (inline PTX) and the square root, correctly rounded as on the CPU; no
        // approximate intrinsic, no libdevice call, whose results would differ from the CPU reference's, and no
        // external function (Math.FusedMultiplyAdd unmapped) that would fail to link on the device.
        Assert.Contains("fma.rn.f64", ptx, StringComparison.Ordinal);
        Assert.Contains("sqrt.rn.f64", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain(".approx", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain("__nv_", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain(".extern", ptx, StringComparison.Ordinal);
        Assert.Empty(ContractablePairs(ptx));
    }

    /// <summary>
    /// Additions whose operand is an unfused product the CUDA assembler could fuse with them (which the CPU never
    /// does), except products by a power of two, which are exact and so give the same sum fused or not.
    /// </summary>
    private static List<string> ContractablePairs(string ptx)
    {
        var products = Regex.Matches(ptx, @"\tmul\.f64\s+(%fd\d+),\s*([^;]+);")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        return Regex.Matches(ptx, @"\t(?:add|sub)\.f64\s+%fd\d+,\s*([^,]+),\s*([^;]+);")
            .SelectMany(m => new[] { m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim() }.Where(products.ContainsKey).Select(o => $"{m.Value.Trim()} <- mul {products[o]}"))
            .Where(pair => !Regex.IsMatch(pair, @"0d[0-9A-F]{3}0000000000000"))
            .ToList();
    }

    private static MonteCarloRequest Request(string name) => name switch
    {
        "gbm" => MonteCarloRequest.GeometricBrownianMotion(100, 0.001, 0.03, paths: 50, steps: 12, seed: 7) with { StopLoss = 95, TakeProfit = 105 },
        "gbm-odd-steps" => MonteCarloRequest.GeometricBrownianMotion(50, -0.002, 0.05, paths: 37, steps: 7, seed: 0xDEADBEEF_12345678) with { StopLoss = 45, TakeProfit = 55 },
        "bootstrap" => MonteCarloRequest.ResidualBootstrap(100, [-0.031, -0.004, 0.0, 0.012, 0.027, 0.041], paths: 40, steps: 9, seed: 8) with { StopLoss = 95, TakeProfit = 105 },
        _ => MonteCarloRequest.ResidualBootstrap(100, [-0.02, 0.0, 0.015, 0.03], paths: 33, steps: 6, seed: 9, forecast: [101, 102, 103, 102, 104, 106]) with { StopLoss = 98, TakeProfit = 108 },
    };
}
