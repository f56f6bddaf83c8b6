using ProfileHub.Core.Sources;
using ProfileHub.Core.Stewardship;

namespace ProfileHub.Core.Tests.Stewardship;

public sealed class ErasureTombstoneTests
{
    [Fact]
    public void The_keys_of_a_record_are_its_source_key_and_its_person_identifiers_but_not_device_ids()
    {
        var keys = ErasureTombstone.KeysOf(7, "u-1", [(IdentifierKind.Email, "a@b.c"), (IdentifierKind.AnonymousId, "cookie-9"), (IdentifierKind.HashedPhone, "ab12")]).ToList();

        Assert.Equal(["key:7:u-1", "Email:a@b.c", "HashedPhone:ab12"], keys);
    }

    [Fact]
    public void Hashes_depend_on_the_salt_so_installations_cannot_join_them()
    {
        var a = ErasureTombstone.HashOf("salt-a", "Email:a@b.c");

        Assert.Equal(a, ErasureTombstone.HashOf("salt-a", "Email:a@b.c"));
        Assert.NotEqual(a, ErasureTombstone.HashOf("salt-b", "Email:a@b.c"));
        Assert.Matches("^[0-9a-f]{64}$", a);
    }
}
