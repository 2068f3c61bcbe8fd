namespace TradingPlatform.AiService.Knowledge;

/// <summary>Unit-length vectors and their cosine (a dot product once both are unit length).</summary>
public static class KnowledgeVectors
{
    public static float[] Normalised(float[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        if (norm < 1e-12)
        {
            return vector;
        }

        return vector.Select(v => (float)(v / norm)).ToArray();
    }

    public static double Dot(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Length == b.Length ? System.Numerics.Tensors.TensorPrimitives.Dot(a, b) : 0;
    }
}
