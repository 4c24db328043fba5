/// A bilingual lexicon over the corpus' word ids: which target words translate each source word.
struct Lexicon: Sendable {
    var targetsOfSource: [[Int32]]
    var sourcesOfTarget: [[Int32]]

    init(sourceVocabularySize: Int, targetVocabularySize: Int) {
        targetsOfSource = Array(repeating: [], count: sourceVocabularySize)
        sourcesOfTarget = Array(repeating: [], count: targetVocabularySize)
    }

    mutating func add(source: Int32, target: Int32) {
        guard !targetsOfSource[Int(source)].contains(target) else { return }
        targetsOfSource[Int(source)].append(target)
        sourcesOfTarget[Int(target)].append(source)
    }

    var entryCount: Int { targetsOfSource.reduce(0) { $0 + $1.count } }
}
