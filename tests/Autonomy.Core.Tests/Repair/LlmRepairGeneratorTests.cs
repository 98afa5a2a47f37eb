using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Llm;
using Microsoft.Extensions.AI;
using static Autonomy.Core.Tests.Repair.LlmFixtures;

namespace Autonomy.Core.Tests.Repair;

/// <summary>The LLM generator against a scripted chat client and the real compiler and sandbox.</summary>
public sealed class LlmRepairGeneratorTests
{
    [Fact]
    public async Task RepairAsync_FirstReplyFixesTheDefect_EngineAcceptsTheLlmCandidate()
    {
        var chat = new LlmScriptedChatClient(Reply(Fixed));
        var options = new RepairOptions { MaxSeconds = 60 };
        using var evaluator = Evaluator();
        var engine = new RepairEngine([new LlmRepairGenerator(chat)], options, TimeProvider.System);

        var result = await engine.RepairAsync(Problem(), evaluator);

        Assert.NotNull(result.Accepted);
        Assert.Equal(LlmRepairGenerator.GeneratorName, result.Accepted.Generator);
        Assert.Equal(Fixed, result.Accepted.Source);
        Assert.Equal(1, result.Accepted.EditSize);
        Assert.Equal("round 1: Multiplied the width by the height.", result.Accepted.Rationale);
        Assert.Equal(0, result.Evaluation!.Regressions);
        var request = Assert.Single(chat.Requests);
        Assert.Equal([ChatRole.System, ChatRole.User], request.Select(m => m.Role));
        Assert.Equal(LlmPrompt.SystemPrompt, request[0].Text);
        var prompt = request[1].Text;
        Assert.Contains(DefectiveLine, prompt, StringComparison.Ordinal);
        Assert.Contains("- input: " + FailingInput + "\n  expected output: " + FailingExpected + "\n  got: Success {\"area\":4,\"perimeter\":10}", prompt, StringComparison.Ordinal);
        Assert.Contains("""{"width":2,"height":2}""", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(HeldBackInput, prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepairAsync_FirstReplyDoesNotCompile_FeedsTheErrorsBackAndAcceptsTheSecond()
    {
        var chat = new LlmScriptedChatClient(Reply(Tool("var area = width * heigth;")), Reply(Fixed));
        using var evaluator = Evaluator();
        var engine = new RepairEngine([new LlmRepairGenerator(chat)], new RepairOptions { MaxSeconds = 60 }, TimeProvider.System);

        var result = await engine.RepairAsync(Problem(), evaluator);

        Assert.NotNull(result.Accepted);
        Assert.Equal(Fixed, result.Accepted.Source);
        Assert.Equal("round 2: Multiplied the width by the height.", result.Accepted.Rationale);
        Assert.Equal(1, result.CandidatesTried);
        Assert.Equal(2, chat.Requests.Count);
        var second = chat.Requests[1];
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], second.Select(m => m.Role));
        Assert.Contains("heigth", second[2].Text, StringComparison.Ordinal);
        Assert.StartsWith("Your source does not compile or breaks the sandbox policy:\n- line ", second[3].Text, StringComparison.Ordinal);
        Assert.Contains("CS0103: The name 'heigth' does not exist in the current context", second[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ReplyFailsCases_FeedsTheFailingCasesBackAndYieldsBoth()
    {
        var wrong = Tool("var area = width + height;");
        var chat = new LlmScriptedChatClient(Reply(wrong), Reply(Fixed));
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(new LlmRepairGenerator(chat), Problem(), evaluator);

        Assert.Equal([wrong, Fixed], candidates.Select(c => c.Source));
        Assert.Equal(2, chat.Requests.Count);
        var feedback = chat.Requests[1][3].Text;
        Assert.StartsWith("Your source compiles but fails 3 of the 4 cases:\n", feedback, StringComparison.Ordinal);
        Assert.Contains("- input: " + FailingInput + "\n  expected output: " + FailingExpected + "\n  got: Success {\"area\":5,\"perimeter\":10}", feedback, StringComparison.Ordinal);
        Assert.Contains("expected output (correct before, keep it): {\"area\":16,\"perimeter\":16}\n  got: Success {\"area\":8,\"perimeter\":16}", feedback, StringComparison.Ordinal);
        Assert.Contains("keep their outputs exactly as they were", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_RepliesNeverCompile_StopsAfterMaxRoundsAndResendsOnlyTheLatestSource()
    {
        var first = Reply(Tool("var area = width * heigth;"));
        var second = Reply(Tool("var area = widht * height;"));
        var chat = new LlmScriptedChatClient(first, second, Reply(Tool("var area = width ** height;")), Reply(Fixed));
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(new LlmRepairGenerator(chat, new LlmOptions { MaxRounds = 3 }), Problem(), evaluator);

        Assert.Empty(candidates);
        Assert.Equal(3, chat.Requests.Count);
        var last = chat.Requests[2];
        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant, ChatRole.User], last.Select(m => m.Role));
        Assert.Equal(LlmRepairGenerator.OmittedReply, last[2].Text);
        Assert.Equal(second, last[4].Text);
        Assert.Contains("'heigth'", last[3].Text, StringComparison.Ordinal);
        Assert.Contains("'widht'", last[5].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_ReplyWithoutCode_YieldsNothingAndAsksForTheSource()
    {
        var chat = new LlmScriptedChatClient("The tool looks correct to me; I would not change it.");
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(new LlmRepairGenerator(chat, new LlmOptions { MaxRounds = 2 }), Problem(), evaluator);

        Assert.Empty(candidates);
        Assert.Equal(2, chat.Requests.Count);
        Assert.Equal(LlmPrompt.NoSource(), chat.Requests[1][^1].Text);
    }

    [Fact]
    public async Task GenerateAsync_ReplyRepeatsTheOriginal_YieldsNothingAndSaysSo()
    {
        var chat = new LlmScriptedChatClient(Reply(Defective));
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(new LlmRepairGenerator(chat, new LlmOptions { MaxRounds = 2 }), Problem(), evaluator);

        Assert.Empty(candidates);
        Assert.Equal(LlmPrompt.Unchanged(), chat.Requests[1][^1].Text);
    }

    [Fact]
    public async Task GenerateAsync_Cancelled_StopsWithOperationCanceled()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var chat = new LlmScriptedChatClient(async (_, _, token) =>
        {
            asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return Reply(Fixed);
        });
        using var evaluator = Evaluator();
        using var cancellation = new CancellationTokenSource();

        var run = CollectAsync(new LlmRepairGenerator(chat), Problem(), evaluator, cancellation.Token);
        await asked.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task GenerateAsync_EndpointFails_YieldsNothingWithoutThrowing()
    {
        var chat = new LlmScriptedChatClient((_, _, _) => Task.FromException<string>(new HttpRequestException("connection refused")));
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(new LlmRepairGenerator(chat), Problem(), evaluator);

        Assert.Empty(candidates);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task GenerateAsync_SourceLongerThanTheCap_SendsNothing()
    {
        var chat = new LlmScriptedChatClient(Reply(Fixed));
        var padding = "// " + new string('x', LlmPrompt.MaxSourceCharacters) + "\n";
        using var evaluator = Evaluator();

        var candidates = await CollectAsync(new LlmRepairGenerator(chat), Problem(padding + Defective), evaluator);

        Assert.Empty(candidates);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public void Initial_ManyLongCases_SendsACappedSampleAndNoHeldBackCase()
    {
        var longInput = "{\"width\":2,\"height\":3,\"note\":\"" + new string('n', 5_000) + "\"}";
        var failing = Enumerable.Range(0, 20).Select(i => new RepairCase(longInput, i % 2 == 0 ? RepairExpectation.Succeed : RepairExpectation.Match, FailingExpected, "execution"));
        var kept = Enumerable.Range(0, 10).Select(i => Keep($$"""{"width":{{i}},"height":{{i}}}""", "{}"));
        var problem = Problem() with { Cases = [.. failing, .. kept] };

        var prompt = LlmPrompt.Initial(problem, []);

        var inputs = prompt.Split("- input: ").Length - 1;
        Assert.Equal(LlmPrompt.MaxFailingCases + LlmPrompt.MaxPassingCases, inputs);
        Assert.Contains($"Inputs it fails on ({LlmPrompt.MaxFailingCases} of 20):", prompt, StringComparison.Ordinal);
        Assert.Contains("… (truncated)", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain(HeldBackInput, prompt, StringComparison.Ordinal);
        Assert.True(prompt.Length < Defective.Length + (inputs * (LlmPrompt.MaxDocumentCharacters + 200)) + 1_000, $"prompt of {prompt.Length} characters");
        // Cases with an expected output come first: every failing case shown is a Match.
        Assert.Equal(LlmPrompt.MaxFailingCases, prompt.Split("  expected output: " + FailingExpected).Length - 1);
    }

    [Fact]
    public void EditSize_OneLineReplaced_IsOne() =>
        Assert.Equal(1, LlmRepairGenerator.EditSize(Defective, Fixed));
}
