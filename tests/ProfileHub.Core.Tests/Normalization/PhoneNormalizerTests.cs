using PhoneNumbers;
using ProfileHub.Core.Normalization;
using ProfileHub.Core.Tests.Support;

namespace ProfileHub.Core.Tests.Normalization;

public class PhoneNormalizerTests
{
    [Theory]
    [InlineData("(555) 234-5678", "US", "+15552345678")]
    [InlineData("555-234-5678", "US", "+15552345678")]
    [InlineData("555.234.5678", "US", "+15552345678")]
    [InlineData("1 (650) 555-1212", "US", "+16505551212")]
    [InlineData("+1 650 555 1212", null, "+16505551212")]
    [InlineData("650-555-1212 x123", "US", "+16505551212")]
    [InlineData("650-555-1212 ext. 123", "US", "+16505551212")]
    [InlineData("650 555 1212 Ext 9", "US", "+16505551212")]
    [InlineData("tel:+1-650-555-1212;ext=7", null, "+16505551212")]
    [InlineData("011 44 20 7946 0958", "US", "+442079460958")]
    [InlineData("16505551212", null, "+16505551212")]
    public void Nanp_numbers_in_the_usual_forms(string raw, string? region, string e164)
    {
        var phone = PhoneNormalizer.Normalize(raw, region);

        Assert.True(phone.IsValid);
        Assert.Equal(e164, phone.E164);
    }

    [Theory]
    [InlineData("(055) 234-5678")] // area code starting with 0
    [InlineData("(155) 234-5678")] // area code starting with 1
    [InlineData("555-2345")] // seven digits: no area code
    [InlineData("2 650 555 1212")] // eleven digits without the 1 trunk prefix
    public void Nanp_numbers_breaking_the_plan_are_invalid(string raw)
    {
        var phone = PhoneNormalizer.Normalize(raw, "US");

        Assert.False(phone.IsValid);
        Assert.Null(phone.E164);
        Assert.Equal(raw, phone.Raw);
    }

    [Theory]
    [InlineData("(555) 123-4567")] // exchange code starting with 1
    [InlineData("(911) 234-5678")] // N11 service code as area code
    [InlineData("(555) 234-5678")] // 555 is no area code: fiction's
    public void Nanp_numbers_outside_the_allocated_ranges_are_kept_and_marked_unallocated(string raw)
    {
        // libphonenumber's plan shape for +1 is ten digits starting 2-9; the finer rules (exchange 2-9, N11
        // codes, unassigned area codes) make a number unallocated, not unreadable.
        var phone = PhoneNormalizer.Normalize(raw, "US");

        Assert.True(phone.IsValid);
        Assert.False(phone.IsAllocated);
        Assert.Equal(PhoneNumberType.UNKNOWN, phone.Type);
        Assert.Equal("US", phone.Region);
    }

    [Theory]
    [InlineData("+1 284 881 8044", "VG")] // British Virgin Islands' area code, a number outside its allocated ranges
    [InlineData("758.260.9629", "LC")]
    public void Unallocated_nanp_number_takes_its_area_code_s_region(string raw, string region)
    {
        var phone = PhoneNormalizer.Normalize(raw, "US");

        Assert.False(phone.IsAllocated);
        Assert.Equal(region, phone.Region);
    }

    [Theory]
    [InlineData("(416) 555-0199", "CA")]
    [InlineData("(876) 555-0199", "JM")]
    [InlineData("(212) 555-0199", "US")]
    public void Nanp_region_comes_from_the_area_code(string raw, string region)
    {
        Assert.Equal(region, PhoneNormalizer.Normalize(raw, "US").Region);
    }

    [Theory]
    [InlineData("07400 123456", "GB", "+447400123456")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("0161 496 0000", "GB", "+441614960000")]
    [InlineData("03003 300 000", "GB", "+443003300000")]
    [InlineData("+44 (0)20 7946 0958", null, "+442079460958")]
    [InlineData("+44 020 7946 0958", null, "+442079460958")]
    [InlineData("0044 7400 123456", "US", "+447400123456")]
    [InlineData("447400123456", null, "+447400123456")]
    [InlineData("07400 123456 (mobile)", "GB", "+447400123456")]
    [InlineData("07400 123456 home", "GB", "+447400123456")]
    public void Uk_numbers(string raw, string? region, string e164)
    {
        var phone = PhoneNormalizer.Normalize(raw, region);

        Assert.Equal(e164, phone.E164);
        Assert.Equal("GB", phone.Region);
    }

    [Theory]
    [InlineData("07400 12345")] // mobile one digit short
    [InlineData("07400 1234567")] // mobile one digit long
    public void Uk_numbers_of_the_wrong_shape_are_invalid(string raw)
    {
        Assert.False(PhoneNormalizer.Normalize(raw, "GB").IsValid);
    }

    [Theory]
    [InlineData("612 345 678", "+34612345678")]
    [InlineData("912 345 678", "+34912345678")]
    [InlineData("+34 612 34 56 78", "+34612345678")]
    [InlineData("0034 712345678", "+34712345678")]
    public void Spanish_numbers(string raw, string e164)
    {
        var phone = PhoneNormalizer.Normalize(raw, "ES");

        Assert.Equal(e164, phone.E164);
        Assert.Equal("ES", phone.Region);
    }

    [Theory]
    [InlineData("412 345 678")] // Spanish numbers start 5 to 9
    [InlineData("61 234 567")] // eight digits
    public void Spanish_numbers_of_the_wrong_shape_are_invalid(string raw)
    {
        Assert.False(PhoneNormalizer.Normalize(raw, "ES").IsValid);
    }

    [Theory]
    [InlineData("55 1234 5678", "MX", "+525512345678")]
    [InlineData("+52 1 55 1234 5678", null, "+525512345678")]
    [InlineData("+52 55 1234 5678", null, "+525512345678")]
    [InlineData("044 55 1234 5678", "MX", "+525512345678")]
    [InlineData("01 33 1234 5678", "MX", "+523312345678")]
    public void Mexican_numbers_including_legacy_mobile_prefixes(string raw, string? region, string e164)
    {
        var phone = PhoneNormalizer.Normalize(raw, region);

        Assert.Equal(e164, phone.E164);
        Assert.Equal("MX", phone.Region);
    }

    [Fact]
    public void Mexican_number_with_nine_digits_is_invalid()
    {
        Assert.False(PhoneNormalizer.Normalize("55 1234 567", "MX").IsValid);
    }

    [Theory]
    [InlineData("0412 345 678", "AU", "+61412345678")]
    [InlineData("(02) 9876 5432", "AU", "+61298765432")]
    [InlineData("+61 412 345 678", null, "+61412345678")]
    [InlineData("+61 0412 345 678", null, "+61412345678")]
    [InlineData("0011 44 20 7946 0958", "AU", "+442079460958")]
    public void Australian_numbers(string raw, string? region, string e164)
    {
        Assert.Equal(e164, PhoneNormalizer.Normalize(raw, region).E164);
    }

    [Theory]
    [InlineData("0512 345 678")] // no 05 mobiles or areas
    [InlineData("0412 345 67")] // one digit short
    public void Australian_numbers_of_the_wrong_shape_are_invalid(string raw)
    {
        Assert.False(PhoneNormalizer.Normalize(raw, "AU").IsValid);
    }

    [Theory]
    [InlineData("+33 1 23 45 67 89", null, "+33123456789", "FR")]
    [InlineData("01 23 45 67 89", "FR", "+33123456789", "FR")]
    [InlineData("+49 (0)30 123456", null, "+4930123456", "DE")]
    [InlineData("+39 06 1234 5678", null, "+390612345678", "IT")]
    [InlineData("+81 3-1234-5678", null, "+81312345678", "JP")]
    [InlineData("+354 551 2345", null, "+3545512345", "IS")]
    [InlineData("00 353 1 234 5678", "ES", "+35312345678", "IE")]
    [InlineData("0612-345678", "MA", "+212612345678", "MA")]
    [InlineData("+212 (0)612 345678", null, "+212612345678", "MA")]
    public void Other_countries_through_the_calling_code_table(string raw, string? region, string e164, string expectedRegion)
    {
        var phone = PhoneNormalizer.Normalize(raw, region);

        Assert.Equal(e164, phone.E164);
        Assert.Equal(expectedRegion, phone.Region);
    }

    [Theory]
    [InlineData("+33 1 23 45 67")] // France: nine digits after the code
    [InlineData("+354 12")] // under seven digits in all
    [InlineData("+354 1234 5678 9012 34")] // over fifteen digits
    [InlineData("+999 1234 5678")] // unassigned calling code
    [InlineData("+")]
    public void International_numbers_of_impossible_length_or_code_are_invalid(string raw)
    {
        Assert.False(PhoneNormalizer.Normalize(raw, null).IsValid);
    }

    [Fact]
    public void A_number_in_guernsey_s_range_of_the_uk_plan_is_guernsey_s()
    {
        var phone = PhoneNormalizer.Normalize("07911 123456", "GB");

        Assert.Equal("+447911123456", phone.E164);
        Assert.Equal("GG", phone.Region);
    }

    [Theory]
    [InlineData("1-800-FLOWERS", "+18003569377", PhoneNumberType.TOLL_FREE)]
    [InlineData("650-555-CALL", "+16505552255", PhoneNumberType.FIXED_LINE_OR_MOBILE)]
    public void Vanity_numbers_are_read_as_their_keypad_digits(string raw, string e164, PhoneNumberType type)
    {
        var phone = PhoneNormalizer.Normalize(raw, "US");

        Assert.Equal(e164, phone.E164);
        Assert.Equal(type, phone.Type);
    }

    [Theory]
    [InlineData("07400 123456", "GB", PhoneNumberType.MOBILE)]
    [InlineData("020 7946 0958", "GB", PhoneNumberType.FIXED_LINE)]
    [InlineData("0800 123 4567", "GB", PhoneNumberType.TOLL_FREE)]
    [InlineData("0906 123 4567", "GB", PhoneNumberType.PREMIUM_RATE)]
    [InlineData("612 345 678", "ES", PhoneNumberType.MOBILE)]
    [InlineData("912 345 678", "ES", PhoneNumberType.FIXED_LINE)]
    public void Numbers_have_the_type_of_their_range(string raw, string region, PhoneNumberType type)
    {
        var phone = PhoneNormalizer.Normalize(raw, region);

        Assert.Equal(type, phone.Type);
        Assert.True(phone.IsAllocated);
    }

    [Theory]
    [InlineData("+442079460958", PhoneNumberFormat.INTERNATIONAL, "+44 20 7946 0958")]
    [InlineData("+442079460958", PhoneNumberFormat.NATIONAL, "020 7946 0958")]
    [InlineData("+16505551212", PhoneNumberFormat.NATIONAL, "(650) 555-1212")]
    [InlineData("+34612345678", PhoneNumberFormat.INTERNATIONAL, "+34 612 34 56 78")]
    public void Numbers_are_formatted_for_display_in_their_country_s_style(string raw, PhoneNumberFormat format, string display)
    {
        Assert.Equal(display, PhoneNormalizer.Normalize(raw, null).Format(format));
    }

    [Fact]
    public void An_unread_number_has_no_display_form()
    {
        Assert.Null(PhoneNormalizer.Normalize("call me", "US").Format(PhoneNumberFormat.INTERNATIONAL));
    }

    [Theory]
    [InlineData("mobile 07400 123456")]
    [InlineData("call me")]
    [InlineData("12+34")]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_that_is_not_a_number_keeps_its_raw_form(string raw)
    {
        var phone = PhoneNormalizer.Normalize(raw, "US");

        Assert.False(phone.IsValid);
        Assert.Equal(raw, phone.Raw);
        Assert.Null(phone.Region);
    }

    [Fact]
    public void Null_gives_an_empty_raw_value()
    {
        var phone = PhoneNormalizer.Normalize(null, "US");

        Assert.Equal(string.Empty, phone.Raw);
        Assert.False(phone.IsValid);
    }

    [Fact]
    public void National_number_without_a_region_cannot_be_read()
    {
        Assert.False(PhoneNormalizer.Normalize("020 7946 0958", null).IsValid);
    }

    [Theory]
    [InlineData("United Kingdom")]
    [InlineData("gb")]
    [InlineData(" GB ")]
    public void Default_region_may_be_a_lower_case_code_or_a_country_name(string region)
    {
        Assert.Equal("+447400123456", PhoneNormalizer.Normalize("07400 123456", region).E164);
    }

    [Fact]
    public void Separators_of_every_kind_are_ignored()
    {
        var phone = PhoneNormalizer.Normalize("\u200B+44\u00A07400\u2013123\u2009456", null);

        Assert.Equal("+447400123456", phone.E164);
    }

    [Fact]
    public void Fullwidth_and_arabic_indic_digits_are_read()
    {
        Assert.Equal("+34612345678", PhoneNormalizer.Normalize("＋３４ ６１２ ３４５ ６７８", null).E164);
        Assert.Equal("+34612345678", PhoneNormalizer.Normalize("+\u0663\u0664 \u0666\u0661\u0662 \u0663\u0664\u0665 \u0666\u0667\u0668", null).E164);
    }

    [Fact]
    public void Ten_thousand_digits_are_rejected_without_blowing_up()
    {
        var phone = PhoneNormalizer.Normalize(new string('5', 10_000), "US");

        Assert.False(phone.IsValid);
        Assert.Equal(10_000, phone.Raw.Length);
    }

    [Fact]
    public void Random_text_never_throws_and_any_result_is_e164()
    {
        foreach (var text in RandomText.Strings(3_000))
        {
            foreach (var region in (string?[])[null, "US", "GB", "ES", "MX", "AU", "FR", "Narnia"])
            {
                var phone = PhoneNormalizer.Normalize(text, region);
                Assert.Equal(text, phone.Raw);
                if (phone.E164 is { } e164)
                {
                    Assert.Matches(@"^\+[1-9][0-9]{6,14}$", e164);
                }
            }
        }
    }
}
