using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProfileHub.Storage.Segments;

/// <summary>
/// Parameters for the few statements written as SQL text (INSERT ... SELECT, upserts), holding the value as
/// the provider stores it: the mapped property's type mapping creates the parameter, so EF's value converter
/// (UTC ticks on SQLite) is applied and the provider type is set (a Guid binds as SQLite TEXT, not a BLOB).
/// </summary>
internal static class RawParameters
{
    public static DbParameter Create<TEntity>(ProfileHubDbContext db, DbCommand command, string name, string property, object? value)
    {
        var mapping = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetRelationalTypeMapping();
        return mapping.CreateParameter(command, name, value);
    }

    public static DbCommand Command(ProfileHubDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
