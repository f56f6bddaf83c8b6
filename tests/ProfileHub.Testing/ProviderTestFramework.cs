using Xunit.Abstractions;
using Xunit.Sdk;

namespace ProfileHub.Testing;

/// <summary>
/// xunit 2's test framework, except that the tests of a class whose database fixture has no server here (SQL
/// Server without PROFILEHUB_TEST_SQLSERVER) are reported as skipped with the reason, instead of failing in
/// their fixture. xunit 2.9 has no dynamic skip of its own (xunit 3's Assert.Skip); the shared test classes keep
/// their plain [Fact]s. A test project opts in with
/// <c>[assembly: TestFramework("ProfileHub.Testing.ProviderTestFramework", "ProfileHub.Testing")]</c>.
/// </summary>
public sealed class ProviderTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <summary>
    /// Why the tests of <paramref name="testClass"/> cannot run here, or null when they can: its class fixture is
    /// a SQL Server database, or holds one (ApiFixture&lt;SqlServerTestDatabase&gt;), and no server is named.
    /// </summary>
    public static string? SkipReasonFor(Type testClass) =>
        !SqlServerTestDatabase.ServerNamed && testClass.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IClassFixture<>))
            .Any(i => Mentions(i.GetGenericArguments()[0], typeof(SqlServerTestDatabase)))
            ? SqlServerTestDatabase.SkipReason
            : null;

    private static bool Mentions(Type type, Type database) =>
        type == database || (type.IsGenericType && type.GetGenericArguments().Any(argument => Mentions(argument, database)));

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var type = testMethod.TestClass.Class is IReflectionTypeInfo reflected ? reflected.Type : null;
            var reason = type is null ? null : SkipReasonFor(type);
            if (reason is null || testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).FirstOrDefault() is null)
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            // One skipped case per test method (a theory's rows are not expanded: none of them could run).
            var testCase = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus);
        }
    }
}
