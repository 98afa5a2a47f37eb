using System.Reflection;
using System.Runtime.Loader;

namespace Autonomy.Core.Compilation;

/// <summary>
/// A collectible load context holding one compiled tool. Everything else (the framework, the tool contract)
/// resolves from the default context, so tool types share the host's <c>ITool</c>.
/// </summary>
internal sealed class ToolLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
