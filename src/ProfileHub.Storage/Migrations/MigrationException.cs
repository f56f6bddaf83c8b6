namespace ProfileHub.Storage.Migrations;

/// <summary>The schema cannot be brought up to date; nothing was changed by the failing step.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
