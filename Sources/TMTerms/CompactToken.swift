/// What the aligner and the evidence collector need of a token, in eight bytes: a corpus holds millions.
struct CompactToken: Sendable {
    var id: Int32
    var kind: AnalysedToken.Kind
    private var flags: UInt8

    private static let capitalised: UInt8 = 1, acronym: UInt8 = 2, stop: UInt8 = 4, sentenceInitial: UInt8 = 8

    init(_ token: AnalysedToken) {
        id = token.id
        kind = token.kind
        flags = (token.isCapitalised ? Self.capitalised : 0) | (token.isAcronym ? Self.acronym : 0)
            | (token.isStop ? Self.stop : 0) | (token.isSentenceInitial ? Self.sentenceInitial : 0)
    }

    var isCapitalised: Bool { flags & Self.capitalised != 0 }
    var isAcronym: Bool { flags & Self.acronym != 0 }
    var isStop: Bool { flags & Self.stop != 0 }
    var isSentenceInitial: Bool { flags & Self.sentenceInitial != 0 }
    var isAlignable: Bool { kind == .word || kind == .number }
}
