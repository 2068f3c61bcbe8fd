using TradingPlatform.AiService.Gpus;
using TradingPlatform.ServiceDefaults.SystemInfo;

namespace TradingPlatform.AiService.Tests;

public sealed class NvidiaSmiParserTests
{
    [Fact]
    public void Parses_one_row_per_gpu_in_seed_003s_shape()
    {
        const string output = "0, NVIDIA H100 80GB HBM3, 81559, 1234, 17\n1, NVIDIA H100 80GB HBM3, 81559, 0, 0\n";

        var gpus = NvidiaSmiParser.Parse(output);

        Assert.Equal(2, gpus.Count);
        Assert.Equal(new GpuInfo("gpu0", "NVIDIA H100 80GB HBM3", 81559, 1234, 17), gpus[0]);
        Assert.Equal("gpu1", gpus[1].Id);
    }

    [Fact]
    public void Skips_rows_a_driver_cannot_fill_and_keeps_a_missing_utilization_as_null()
    {
        const string output = "0, Tesla T4, [N/A], [N/A], [N/A]\n1, Tesla T4, 15360, 2, [N/A]\nNVIDIA-SMI has failed\n";

        var gpu = Assert.Single(NvidiaSmiParser.Parse(output));

        Assert.Equal("gpu1", gpu.Id);
        Assert.Null(gpu.Utilization);
    }

    [Fact]
    public void Parses_the_h200_row_the_apis_status_test_reports()
    {
        // The line SystemStatusGpuTests (Api tests) serves through its stand-in AiService.
        var gpu = Assert.Single(NvidiaSmiParser.Parse("0, NVIDIA H200, 143771, 1536, 37\n"));

        Assert.Equal(new GpuInfo("gpu0", "NVIDIA H200", 143771, 1536, 37), gpu);
    }

    [Fact]
    public void No_output_means_no_gpus()
    {
        Assert.Empty(NvidiaSmiParser.Parse(""));
    }
}
