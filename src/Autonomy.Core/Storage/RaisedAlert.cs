namespace Autonomy.Core.Storage;

/// <summary>What raising an alert did.</summary>
/// <param name="Alert">The tool's unresolved alert of that kind: the new one, or the one already raised.</param>
/// <param name="Created">Whether this call created it.</param>
public sealed record RaisedAlert(ToolAlert Alert, bool Created);
