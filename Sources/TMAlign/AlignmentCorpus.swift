import Foundation

/// One side of a document, tokenized and interned into flat arrays.
struct InternedSide: Sendable {
    /// Characters (other than white space) per sentence.
    var lengths: [Int] = []
    /// `unitStart[s]..<unitStart[s + 1]` are the units of sentence `s`.
    var unitStart: [Int] = [0]
    /// Word id of each unit in this side's vocabulary, or -1 for numbers and punctuation.
    var unitWord: [Int32] = []
    /// `unitKeyStart[u]..<unitKeyStart[u + 1]` index the cross-language keys of unit `u` in `unitKeys`.
    var unitKeyStart: [Int] = [0]
    var unitKeys: [Int32] = []
    var vocabulary: [String: Int32] = [:]
    /// How informative each unit is: log((sentences + 1) / sentences containing it), so that function words
    /// and common punctuation weigh little and names and numbers much.
    var unitWeight: [Double] = []

    var count: Int { lengths.count }
    func units(of sentence: Int) -> Range<Int> { unitStart[sentence]..<unitStart[sentence + 1] }
}

/// Both sides of a document ready for alignment: sentences flattened across paragraphs, words and keys
/// interned. Ids live in one space: keys `0..<keyCount`, then source words, then target words.
struct AlignmentCorpus: Sendable {
    var source = InternedSide()
    var target = InternedSide()
    var keyCount = 0

    init(source sourceSentences: [String], target targetSentences: [String], sourceLanguage: String, targetLanguage: String) {
        var keys: [String: Int32] = [:]
        source = Self.intern(sourceSentences, language: sourceLanguage, keys: &keys)
        target = Self.intern(targetSentences, language: targetLanguage, keys: &keys)
        keyCount = keys.count
    }

    var sourceWordBase: Int32 { Int32(keyCount) }
    var targetWordBase: Int32 { Int32(keyCount + source.vocabulary.count) }
    var idCount: Int { keyCount + source.vocabulary.count + target.vocabulary.count }

    private static func intern(_ sentences: [String], language: String, keys: inout [String: Int32]) -> InternedSide {
        var tokenizer = AlignmentTokenizer(language: language)
        var side = InternedSide()
        side.lengths.reserveCapacity(sentences.count)
        side.unitStart.reserveCapacity(sentences.count + 1)
        // The interned unit of every distinct word, by its bytes.
        var words = ByteStringTable()
        var wordId: [Int32] = []
        var wordKeyStart: [Int] = [0]
        var wordKeys: [Int32] = []
        func key(_ key: String) -> Int32 {
            if let id = keys[key] { return id }
            let id = Int32(keys.count)
            keys[key] = id
            return id
        }
        for sentence in sentences {
            let length = AlignmentTokenizer.scan(sentence, word: { bytes in
                let (entry, isNew) = words.index(of: bytes)
                if isNew {
                    let unit = tokenizer.makeUnit(Substring(String(decoding: bytes, as: UTF8.self)))
                    if let stem = unit.stem {
                        if let id = side.vocabulary[stem] {
                            wordId.append(id)
                        } else {
                            let id = Int32(side.vocabulary.count)
                            side.vocabulary[stem] = id
                            wordId.append(id)
                        }
                    } else {
                        wordId.append(-1)
                    }
                    for text in unit.keys { wordKeys.append(key(text)) }
                    wordKeyStart.append(wordKeys.count)
                }
                side.unitWord.append(wordId[entry])
                side.unitKeys.append(contentsOf: wordKeys[wordKeyStart[entry]..<wordKeyStart[entry + 1]])
                side.unitKeyStart.append(side.unitKeys.count)
            }, anchor: { unit in
                side.unitWord.append(-1)
                for text in unit.keys { side.unitKeys.append(key(text)) }
                side.unitKeyStart.append(side.unitKeys.count)
            })
            side.lengths.append(length)
            side.unitStart.append(side.unitWord.count)
        }
        side.unitWeight = weights(side, keyCount: keys.count)
        return side
    }
}

/// Distinct byte strings, numbered in order of first appearance (an open-addressing table over one arena).
struct ByteStringTable {
    private var arena: [UInt8] = []
    private var start: [Int] = [0]
    private var hashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 1024)

    var count: Int { hashes.count }

    /// The number of `bytes`, and whether they were new.
    mutating func index(of bytes: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, start[entry + 1] - start[entry] == bytes.count,
               arena[start[entry]..<start[entry + 1]].elementsEqual(bytes) {
                return (entry, false)
            }
            slot = (slot + 1) & mask
        }
        let entry = hashes.count
        slots[slot] = Int32(entry)
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        start.append(arena.count)
        if 2 * hashes.count > slots.count { grow() }
        return (entry, true)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: 2 * slots.count)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash >> 20) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}

extension AlignmentCorpus {
    /// The identity of a unit for document frequency: its word, else its first key, else nothing.
    private static func identity(_ side: InternedSide, _ u: Int, keyBase: Int) -> Int {
        if side.unitWord[u] >= 0 { return keyBase + Int(side.unitWord[u]) }
        if side.unitKeyStart[u] < side.unitKeyStart[u + 1] { return Int(side.unitKeys[side.unitKeyStart[u]]) }
        return -1
    }

    fileprivate static func weights(_ side: InternedSide, keyCount: Int) -> [Double] {
        var frequency = [Int32](repeating: 0, count: keyCount + side.vocabulary.count)
        var lastSeen = [Int32](repeating: -1, count: frequency.count)
        for s in 0..<side.count {
            for u in side.units(of: s) {
                let id = identity(side, u, keyBase: keyCount)
                if id >= 0, lastSeen[id] != Int32(s) {
                    lastSeen[id] = Int32(s)
                    frequency[id] += 1
                }
            }
        }
        let documents = Double(side.count + 1)
        return (0..<side.unitWord.count).map { u in
            let id = identity(side, u, keyBase: keyCount)
            guard id >= 0 else { return 0.1 }
            return max(0.1, log(documents / Double(frequency[id])))
        }
    }
}
