using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ProfileHub.Storage.Model;

/// <summary>
/// Names every column, key, foreign key and index in snake_case, the PostgreSQL convention, on both
/// providers; the hand-written migrations under db/ use the same names.
/// </summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            foreach (var property in entity.GetProperties())
            {
                // An owned type's key is the owner's key column; it takes the owner's name.
                if (!(entity.IsOwned() && property.IsPrimaryKey()))
                {
                    property.SetColumnName(Convert(property.GetColumnName()));
                }
            }

            if (entity.IsOwned())
            {
                continue;
            }

            entity.FindPrimaryKey()?.SetName($"pk_{table}");
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var columns = string.Join('_', foreignKey.Properties.Select(p => p.GetColumnName()));
                foreignKey.SetConstraintName($"fk_{table}_{columns}");
            }

            foreach (var index in entity.GetIndexes())
            {
                var columns = string.Join('_', index.Properties.Select(p => p.GetColumnName()));
                index.SetDatabaseName($"{(index.IsUnique ? "ux" : "ix")}_{table}_{columns}");
            }
        }
    }

    internal static string Convert(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '_';
                if (i > 0 && previous != '_' && (char.IsLower(previous) || char.IsDigit(previous) ||
                    (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
