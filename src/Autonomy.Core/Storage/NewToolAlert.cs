namespace Autonomy.Core.Storage;

/// <summary>An alert to raise.</summary>
/// <param name="ToolName">The tool it is about.</param>
/// <param name="Kind">What kind of alert, for example <c>delete_valuable</c>.</param>
/// <param name="Message">One line for a person.</param>
/// <param name="DetailsJson">The evidence, as a JSON document.</param>
public sealed record NewToolAlert(string ToolName, string Kind, string Message, string DetailsJson);
