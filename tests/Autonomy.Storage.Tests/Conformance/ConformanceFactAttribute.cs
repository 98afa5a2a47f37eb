using Xunit.Sdk;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>
/// A fact declared once on an abstract conformance class and run by each backend's subclass. A subclass marked
/// <see cref="IRequiresPostgres"/> gets the <see cref="Support.PostgresFactAttribute"/> behaviour: skipped
/// without a server, unless under CI.
/// </summary>
[XunitTestCaseDiscoverer("Autonomy.Storage.Tests.Conformance.ConformanceFactDiscoverer", "Autonomy.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;
