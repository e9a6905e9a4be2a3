/// Which tokens of a sample carry loss.
public enum LossScale: String, Sendable, CaseIterable {
    /// Every assistant completion.
    case `default`
    /// Only the last assistant turn.
    case lastRound = "last_round"
    /// Every token, prompts included (continued pre-training style).
    case all
    /// As `default`, but an empty reasoning block (`<think>\n\n</think>\n\n`)
    /// is not supervised: the model is not taught to skip thinking.
    case ignoreEmptyThink = "ignore_empty_think"

    /// Whether the completion of the assistant turn at `turn` is supervised
    /// when `lastTurn` is the conversation's last assistant turn.
    func supervises(turn: Int, lastTurn: Int) -> Bool {
        self != .lastRound || turn == lastTurn
    }

    /// How many leading tokens of `completion` (tokenized as `ids`) belong to
    /// an empty reasoning block that `prompt` opened or that the completion
    /// carries whole; those are not supervised under `ignore_empty_think`.
    func unsupervisedPrefix(prompt: String, completion: String, ids: [Int], emptyBlock: String?, tokenizer: any TextTokenizer) -> Int {
        guard self == .ignoreEmptyThink, let emptyBlock else { return 0 }
        var blockBytes = 0
        let blockUTF8 = Array(emptyBlock.utf8)
        let promptUTF8 = Array(prompt.utf8)
        let completionUTF8 = Array(completion.utf8)
        // The block may start in the prompt (a generation prompt that opens
        // `<think>\n`) and end in the completion.
        for split in 0..<blockUTF8.count where promptUTF8.count >= split {
            let tail = blockUTF8[split...]
            if promptUTF8.suffix(split).elementsEqual(blockUTF8[0..<split]) && completionUTF8.starts(with: tail) {
                blockBytes = tail.count
                break
            }
        }
        guard blockBytes > 0 else { return 0 }
        var covered = 0
        var count = 0
        for id in ids {
            let length = tokenizer.decode([id]).utf8.count
            guard covered + length <= blockBytes else { break }
            covered += length
            count += 1
        }
        return count
    }
}
