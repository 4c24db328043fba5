import TMCore

/// One `<tu>` with everything TMX can carry, as read by `TMXReader` and written back by `TMXWriter` without loss.
public struct TMXUnit: Hashable, Sendable {
    /// `tuid`, when the file has one.
    public var id: String?
    /// The other `<tu>` attributes in file order (`creationdate`, `changedate`, `usagecount`, `srclang`...).
    public var attributes: [TMXAttribute]
    public var properties: [TMXProperty]
    public var notes: [String]
    public var variants: [Variant]

    public init(
        id: String?, attributes: [TMXAttribute] = [], properties: [TMXProperty] = [], notes: [String] = [],
        variants: [Variant]
    ) {
        self.id = id
        self.attributes = attributes
        self.properties = properties
        self.notes = notes
        self.variants = variants
    }

    /// One `<tuv>`: a language's segment.
    public struct Variant: Hashable, Sendable {
        public var language: LanguageTag
        /// Further `<tuv>` attributes in file order.
        public var attributes: [TMXAttribute]
        public var properties: [TMXProperty]
        public var notes: [String]
        public var segment: TMXSegment

        public init(
            language: LanguageTag, segment: TMXSegment, attributes: [TMXAttribute] = [],
            properties: [TMXProperty] = [], notes: [String] = []
        ) {
            self.language = language
            self.segment = segment
            self.attributes = attributes
            self.properties = properties
            self.notes = notes
        }
    }

    /// The property that carries tmkit's alignment confidence.
    public static let alignmentScoreProperty = "x-alignment-score"

    /// The TMX form of an aligned pair: the unit's properties in their order, then the alignment score when known.
    public init(_ unit: TranslationUnit, creationDate: String?) {
        var properties = unit.properties.map { TMXProperty(type: $0.name, value: $0.value) }
        if let confidence = unit.confidence {
            properties.append(TMXProperty(type: Self.alignmentScoreProperty, value: Self.formatScore(confidence)))
        }
        var variants = [Variant(language: unit.sourceLanguage, segment: TMXSegment(text: unit.source))]
        if !unit.target.isEmpty || unit.source.isEmpty {
            variants.append(Variant(language: unit.targetLanguage, segment: TMXSegment(text: unit.target)))
        }
        self.init(
            id: unit.id, attributes: creationDate.map { [TMXAttribute("creationdate", $0)] } ?? [],
            properties: properties, variants: variants
        )
    }

    /// The first variant in a language (same primary language when no exact match).
    public func variant(for language: LanguageTag) -> Variant? {
        variants.first { $0.language == language } ?? variants.first { $0.language.hasSameLanguage(as: language) }
    }

    /// The unit as a source/target pair, or nil when it has no source variant. A missing target gives `""`.
    /// The `x-alignment-score` property becomes `confidence`; every other property is kept in order.
    public func translationUnit(
        sourceLanguage: LanguageTag, targetLanguage: LanguageTag, fallbackID: String
    ) -> TranslationUnit? {
        guard let sourceIndex = variants.firstIndex(where: { $0.language == sourceLanguage })
            ?? variants.firstIndex(where: { $0.language.hasSameLanguage(as: sourceLanguage) })
        else { return nil }
        let source = variants[sourceIndex]
        let others = variants.indices.filter { $0 != sourceIndex }.map { variants[$0] }
        let target = others.first { $0.language == targetLanguage }
            ?? others.first { $0.language.hasSameLanguage(as: targetLanguage) }
        var confidence: Double?
        var properties: [TranslationUnit.Property] = []
        for property in self.properties {
            if property.type == Self.alignmentScoreProperty, let value = Double(property.value) {
                confidence = value
            } else {
                properties.append(.init(property.type, property.value))
            }
        }
        return TranslationUnit(
            id: id ?? fallbackID, source: source.segment.text, target: target?.segment.text ?? "",
            sourceLanguage: source.language, targetLanguage: target?.language ?? targetLanguage,
            confidence: confidence, properties: properties
        )
    }

    /// Two decimals, as in `0.97`: enough for a score, and stable across platforms.
    static func formatScore(_ value: Double) -> String {
        let hundredths = Int((min(max(value, 0), 1) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
