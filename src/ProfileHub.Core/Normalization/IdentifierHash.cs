using System.Security.Cryptography;
using System.Text;

namespace ProfileHub.Core.Normalization;

/// <summary>
/// SHA-256 of normalized identifiers, as Meta's Conversions API expects them in <c>user_data</c>
/// (Customer Information Parameters): lower-case hex of the UTF-8 bytes.
/// </summary>
public static class IdentifierHash
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="normalizedValue"/>.</summary>
    public static string Sha256Hex(string normalizedValue)
    {
        ArgumentNullException.ThrowIfNull(normalizedValue);
        var byteCount = Encoding.UTF8.GetByteCount(normalizedValue);
        var rented = byteCount > 256 ? System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[byteCount] : rented.AsSpan(0, byteCount);
            Encoding.UTF8.GetBytes(normalizedValue, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes, hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Meta <c>em</c>: "Trim any leading and trailing spaces. Convert all characters to lowercase", which
    /// <see cref="NormalizedEmail.Value"/> already is. The Gmail canonical form is not used: Meta hashes
    /// the address as written.
    /// </summary>
    public static string HashEmail(NormalizedEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return Sha256Hex(email.Value);
    }

    /// <summary>
    /// Meta <c>ph</c>: "Remove symbols, letters, and any leading zeros" and always include the country code
    /// ((650)555-1212 → 16505551212). That is the E.164 number without its '+': country code first, no
    /// international prefix (00), no trunk 0. Throws when the phone could not be normalized.
    /// </summary>
    public static string HashPhone(NormalizedPhone phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (!phone.IsValid || phone.E164 is null)
        {
            throw new ArgumentException($"Phone '{phone.Raw}' is not a valid number and has no E.164 form to hash.", nameof(phone));
        }

        return Sha256Hex(phone.E164[1..]);
    }

    /// <summary>
    /// Meta <c>fn</c>/<c>ln</c>: "Lowercase only with no punctuation"; special characters stay, UTF-8 encoded
    /// (Valéry → valéry, 정 → 정). So unlike <see cref="NameNormalizer.Normalize"/> accents are kept; every
    /// character that is not a letter (punctuation, spaces, digits) is removed. Null when no letter is left.
    /// </summary>
    public static string? HashName(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var valid = TextFolding.WithoutLoneSurrogates(raw);
        var composed = valid.IsNormalized(NormalizationForm.FormC) ? valid : valid.Normalize(NormalizationForm.FormC);
        var letters = new CharBuffer(stackalloc char[64]);
        try
        {
            for (var i = 0; i < composed.Length; i++)
            {
                var c = composed[i];
                if (char.IsHighSurrogate(c) && i + 1 < composed.Length && Rune.IsLetter(new Rune(c, composed[i + 1])))
                {
                    letters.Append(composed.AsSpan(i++, 2));
                }
                else if (char.IsLetter(c))
                {
                    letters.Append(c == '\u0130' ? 'i' : char.ToLowerInvariant(c));
                }
            }

            return letters.Length == 0 ? null : Sha256Hex(letters.ToString());
        }
        finally
        {
            letters.Dispose();
        }
    }

    /// <summary>Meta <c>db</c>: the date of birth as YYYYMMDD.</summary>
    public static string HashBirthDate(DateOnly birthDate) =>
        Sha256Hex(birthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
}
