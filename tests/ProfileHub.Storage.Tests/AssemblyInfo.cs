// Test classes on a database this machine lacks (SQL Server without PROFILEHUB_TEST_SQLSERVER) report as skipped.
[assembly: TestFramework("ProfileHub.Testing.ProviderTestFramework", "ProfileHub.Testing")]
