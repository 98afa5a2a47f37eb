using Autonomy.Storage.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Decides per concrete test class whether a <see cref="ConformanceFactAttribute"/> test is skipped.</summary>
public sealed class ConformanceFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var testClass = testMethod.TestClass.Class.ToRuntimeType();
        if (typeof(IRequiresPostgres).IsAssignableFrom(testClass)
            && PostgresDatabase.ServerConnectionString is null
            && !PostgresDatabase.IsCi)
        {
            return
            [
                new XunitSkippedDataRowTestCase(
                    diagnosticMessageSink,
                    display,
                    displayOptions,
                    testMethod,
                    $"{PostgresDatabase.ConnectionVariable} is not set; run the tests through .ci/postgres.sh to include them."),
            ];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
