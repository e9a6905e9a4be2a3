/// Isolates numbers: each digit alone, or each run of digits.
struct DigitsPreTokenizer: PreTokenizer {
    let individualDigits: Bool

    func split(_ piece: TextPiece, emit: (TextPiece) -> Void) {
        SplitPreTokenizer(
            pattern: ClassPattern(.number), behavior: individualDigits ? .isolated : .contiguous, invert: false
        ).split(piece, emit: emit)
    }
}
