using System.Buffers;

namespace ProfileHub.Core.Normalization;

/// <summary>
/// A growable character buffer that starts on the caller's stack and rents from the shared pool only
/// for long inputs, so normalizing a typical value allocates nothing but the result string.
/// </summary>
internal ref struct CharBuffer
{
    private char[]? _rented;
    private Span<char> _span;

    public CharBuffer(Span<char> initial)
    {
        _span = initial;
        Length = 0;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Written => _span[..Length];

    public void Append(char c)
    {
        if (Length == _span.Length)
        {
            Grow(1);
        }

        _span[Length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _span.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_span[Length..]);
        Length += text.Length;
    }

    public override readonly string ToString() => new(Written);

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow(int needed)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_span.Length * 2, Length + needed));
        _span[..Length].CopyTo(next);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _rented = next;
        _span = next;
    }
}
