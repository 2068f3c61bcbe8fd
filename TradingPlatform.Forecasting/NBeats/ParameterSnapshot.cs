namespace TradingPlatform.Forecasting.NBeats;

/// <summary>A copy of every parameter's values, so that early stopping can return to the best epoch's weights.</summary>
internal sealed class ParameterSnapshot
{
    private readonly IReadOnlyList<NBeatsParameterTensor> _parameters;
    private readonly double[][] _values;

    public ParameterSnapshot(IReadOnlyList<NBeatsParameterTensor> parameters)
    {
        _parameters = parameters;
        _values = [.. parameters.Select(parameter => (double[])parameter.Data.Clone())];
    }

    public void Capture()
    {
        for (var p = 0; p < _parameters.Count; p++)
        {
            _parameters[p].Data.CopyTo(_values[p], 0);
        }
    }

    public void Restore()
    {
        for (var p = 0; p < _parameters.Count; p++)
        {
            _values[p].CopyTo(_parameters[p].Data, 0);
        }
    }
}
