using Bogus;

namespace ProfileHub.Bench.Synthetic;

/// <summary>
/// Items drawn with fixed weights in O(log n): a cumulative table and a binary search. Bogus's
/// <c>WeightedRandom</c> scans every weight on each draw, too slow for thousands of surnames and a million draws.
/// </summary>
internal sealed class WeightedPool<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedPool(IReadOnlyList<T> items, IReadOnlyList<double> weights)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(items.Count, weights.Count);
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        _items = [.. items];
        _cumulative = new double[items.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            _cumulative[i] = total;
        }
    }

    public int Count => _items.Length;

    public double Total => _cumulative[^1];

    public T this[int index] => _items[index];

    /// <summary>Zipf-Mandelbrot weights 1 / (rank + offset)^exponent, rank from 1: a larger offset flattens the head.</summary>
    public static WeightedPool<T> Zipf(IReadOnlyList<T> ranked, double exponent, double offset)
    {
        var weights = new double[ranked.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 1.0 / Math.Pow(i + 1 + offset, exponent);
        }

        return new WeightedPool<T>(ranked, weights);
    }

    public T Sample(Randomizer random)
    {
        var target = random.Double() * Total;
        var index = Array.BinarySearch(_cumulative, target);

        // BinarySearch gives the complement of the first larger entry when the target is not an exact total.
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }

    /// <summary>The share of draws that give the item at <paramref name="index"/>.</summary>
    public double Share(int index) => (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / Total;
}
