using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProfileHub.Storage.Segments;

/// <summary>
/// Parameters for the few statements written as SQL text (INSERT ... SELECT, upserts), holding the value as
/// the provider stores it: EF's value converter of the mapped property (UTC ticks on SQLite) is applied.
/// </summary>
internal static class RawParameters
{
    public static DbParameter Create<TEntity>(ProfileHubDbContext db, DbCommand command, string name, string property, object? value)
    {
        var mapping = db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetTypeMapping();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (mapping.Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        return parameter;
    }

    public static DbCommand Command(ProfileHubDbContext db)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
