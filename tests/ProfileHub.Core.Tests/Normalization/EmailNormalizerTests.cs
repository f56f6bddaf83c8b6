using ProfileHub.Core.Normalization;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Normalization;

public class EmailNormalizerTests
{
    [Fact]
    public void Mixed_case_gmail_address_keeps_dots_and_tag_but_gets_a_canonical_mailbox()
    {
        var email = EmailNormalizer.Normalize("JOHN.SMITH+news@GMail.com");

        Assert.NotNull(email);
        Assert.Equal("john.smith+news@gmail.com", email.Value);
        Assert.Equal("gmail.com", email.Domain);
        Assert.Equal("johnsmith@gmail.com", email.GmailCanonical);
    }

    [Fact]
    public void Googlemail_addresses_share_the_gmail_canonical_form()
    {
        var a = EmailNormalizer.Normalize("j.smith@googlemail.com");
        var b = EmailNormalizer.Normalize("jsmith+shop@gmail.com");

        Assert.Equal("jsmith@gmail.com", a?.GmailCanonical);
        Assert.Equal(a?.GmailCanonical, b?.GmailCanonical);
    }

    [Theory]
    [InlineData("Test@Test.com", "test@test.com", "test.com")]
    [InlineData("  padded@example.org \t", "padded@example.org", "example.org")]
    [InlineData("\u00A0nbsp@example.org\u00A0", "nbsp@example.org", "example.org")]
    [InlineData("zero\u200Bwidth@example.org\uFEFF", "zerowidth@example.org", "example.org")]
    [InlineData("mailto:Sales@Example.COM", "sales@example.com", "example.com")]
    [InlineData("John Smith <John.Smith@Example.com>", "john.smith@example.com", "example.com")]
    [InlineData("\"Smith, John\" < john@example.com >", "john@example.com", "example.com")]
    [InlineData("first.last@sub.example.co.uk", "first.last@sub.example.co.uk", "sub.example.co.uk")]
    public void Addresses_are_trimmed_lower_cased_and_cleaned(string raw, string value, string domain)
    {
        var email = EmailNormalizer.Normalize(raw);

        Assert.Equal(value, email?.Value);
        Assert.Equal(domain, email?.Domain);
    }

    [Fact]
    public void Dots_in_other_domains_are_significant()
    {
        var email = EmailNormalizer.Normalize("john.smith+news@example.com");

        Assert.Equal("john.smith+news@example.com", email?.Value);
        Assert.Null(email?.GmailCanonical);
    }

    [Fact]
    public void Decomposed_accents_are_composed_so_both_spellings_are_equal()
    {
        var composed = EmailNormalizer.Normalize("JOS\u00C9@exemple.fr");
        var decomposed = EmailNormalizer.Normalize("JOSE\u0301@exemple.fr");

        Assert.Equal("jos\u00E9@exemple.fr", composed?.Value);
        Assert.Equal(composed?.Value, decomposed?.Value);
    }

    [Fact]
    public void Punycode_and_unicode_spellings_of_a_domain_agree()
    {
        var ascii = EmailNormalizer.Normalize("info@XN--MNCHEN-3YA.de");
        var unicode = EmailNormalizer.Normalize("info@MÜNCHEN.de");

        Assert.Equal("info@münchen.de", unicode?.Value);
        Assert.Equal(unicode, ascii);
    }

    [Fact]
    public void Invalid_punycode_is_kept_as_written()
    {
        Assert.Equal("a@xn--.example.com", EmailNormalizer.Normalize("a@xn--.example.com")?.Value);
    }

    [Fact]
    public void Turkish_dotted_capital_i_lower_cases_to_i()
    {
        Assert.Equal("istanbul@firma.com.tr", EmailNormalizer.Normalize("İSTANBUL@firma.com.tr")?.Value);
    }

    [Fact]
    public void German_sharp_s_is_kept_in_an_address()
    {
        Assert.Equal("straße@beispiel.de", EmailNormalizer.Normalize("Straße@Beispiel.de")?.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not an email")]
    [InlineData("no-at-sign.example.com")]
    [InlineData("@example.com")]
    [InlineData("someone@")]
    [InlineData("two@at@example.com")]
    [InlineData("john smith@example.com")]
    [InlineData("john\u00A0smith@example.com")]
    [InlineData("someone@localhost")]
    [InlineData("someone@example..com")]
    [InlineData("someone@example.com.")]
    [InlineData(".someone@example.com")]
    public void Text_that_is_not_an_address_gives_null(string? raw)
    {
        Assert.Null(EmailNormalizer.Normalize(raw));
    }

    [Fact]
    public void Unpaired_surrogate_halves_make_text_not_an_address()
    {
        // In code rather than InlineData: xunit's theory serialization would turn them into U+FFFD.
        Assert.Null(EmailNormalizer.Normalize("broken\uD800@example.com"));
        Assert.Null(EmailNormalizer.Normalize("broken@example.com\uDC00x"));
        Assert.NotNull(EmailNormalizer.Normalize("paired\uD83D\uDE00@example.com"));
    }

    [Fact]
    public void Long_valid_address_is_kept_whole()
    {
        var local = string.Concat(Enumerable.Repeat("Ab.", 60)) + "z";

        Assert.Equal(local.ToLowerInvariant() + "@example.com", EmailNormalizer.Normalize(local + "@Example.com")?.Value);
    }

    [Fact]
    public void Ten_thousand_character_input_is_rejected_without_blowing_up()
    {
        Assert.Null(EmailNormalizer.Normalize(new string('a', 10_000) + "@example.com"));
        Assert.Null(EmailNormalizer.Normalize(new string('@', 10_000)));
    }

    [Fact]
    public void Random_text_never_throws_and_any_result_is_lower_case_with_one_at()
    {
        foreach (var text in RandomText.Strings(3_000))
        {
            var email = EmailNormalizer.Normalize(text);
            if (email is not null)
            {
                Assert.Equal(email.Value.ToLowerInvariant(), email.Value);
                Assert.Equal(email.Value.IndexOf('@', StringComparison.Ordinal), email.Value.LastIndexOf('@'));
            }
        }
    }
}
