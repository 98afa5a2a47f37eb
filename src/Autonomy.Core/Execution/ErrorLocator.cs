using System.Diagnostics;
using System.Reflection;
using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Execution;

/// <summary>Maps an exception thrown by tool code to the line of the tool's source that threw it.</summary>
internal static class ErrorLocator
{
    public static ToolErrorInfo Describe(Exception exception, Assembly toolAssembly)
    {
        var (line, member) = FindToolFrame(exception, toolAssembly);
        return new ToolErrorInfo(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, line, member);
    }

    private static (int? Line, string? Member) FindToolFrame(Exception exception, Assembly toolAssembly)
    {
        // The innermost frame of the tool's own code is the line the author needs, even when the exception
        // was thrown deeper, inside the framework.
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.Module.Assembly != toolAssembly)
            {
                continue;
            }

            var line = frame.GetFileLineNumber();
            return (line > 0 ? line : null, MemberName(method));
        }

        return (null, null);
    }

    private static string MemberName(MethodBase method)
    {
        // Async and iterator bodies live in generated types named like "<ExecuteAsync>d__3".
        var type = method.DeclaringType;
        if (method.Name == "MoveNext" && type?.Name is ['<', ..] generated && generated.IndexOf('>', StringComparison.Ordinal) is > 1 and var end)
        {
            return $"{type.DeclaringType?.Name}.{generated[1..end]}";
        }

        return $"{type?.Name}.{method.Name}";
    }
}
