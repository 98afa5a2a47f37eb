using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>
/// One defect of the corpus, as stored in <c>Defects/&lt;id&gt;.json</c> next to the defective tool <c>Defects/&lt;id&gt;.cs</c>.
/// Expected outputs are never written here: the runner computes them from the reference source (the defective
/// source with <see cref="Fix"/> applied), so they cannot be wrong.
/// </summary>
/// <param name="Id">The defect's id, equal to the tool's name and the file names.</param>
/// <param name="Class">The defect class (one of <see cref="DefectClasses.All"/>).</param>
/// <param name="Description">What is wrong, in one sentence.</param>
/// <param name="Fix">The one-line fix: a unique text in the defective source and its replacement.</param>
/// <param name="Given">Inputs the repair sees, as recorded executions would give them.</param>
/// <param name="Hidden">Inputs the repair never sees, that tell a correct fix from an overfitted one.</param>
/// <param name="CrashesReported">
/// Whether callers reported the expected output of the given inputs on which the defective tool crashes
/// (feedback: <c>Match</c>) rather than leaving only the recorded failure (<c>Succeed</c>). Wrong outputs are
/// always reported: an unreported wrong output is invisible to any oracle.
/// </param>
public sealed record DefectManifest(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("fix")] TextFix Fix,
    [property: JsonPropertyName("given")] IReadOnlyList<JsonObject> Given,
    [property: JsonPropertyName("hidden")] IReadOnlyList<JsonObject> Hidden,
    [property: JsonPropertyName("crashesReported")] bool CrashesReported = false);
