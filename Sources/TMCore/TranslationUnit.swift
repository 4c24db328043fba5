/// A source segment and its translation: one `<tu>` of a TMX file.
public struct TranslationUnit: Hashable, Sendable {
    /// Unique within its file; written as TMX `tuid`.
    public var id: String
    public var source: String
    public var target: String
    public var sourceLanguage: LanguageTag
    public var targetLanguage: LanguageTag
    /// Alignment confidence in 0...1, when the unit was aligned by tmkit.
    public var confidence: Double?
    /// Where the unit came from: document name, paragraph numbers and the like, in order.
    public var properties: [Property]

    public init(
        id: String, source: String, target: String, sourceLanguage: LanguageTag, targetLanguage: LanguageTag,
        confidence: Double? = nil, properties: [Property] = []
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.confidence = confidence
        self.properties = properties
    }

    /// A named value attached to a unit, written as TMX `<prop type="NAME">VALUE</prop>`.
    public struct Property: Hashable, Sendable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The value of the first property with this name.
    public func property(_ name: String) -> String? {
        properties.first { $0.name == name }?.value
    }
}
