import TMCore

/// The `<header>` of a TMX file: the seven required attributes, the creation date, and any props and notes.
public struct TMXHeader: Hashable, Sendable {
    /// `srclang`: a BCP 47 tag, or `*all*` when any language may be the source.
    public var sourceLanguage: String
    public var creationTool: String
    public var creationToolVersion: String
    /// `sentence`, `paragraph`, `phrase` or `block`.
    public var segmentType: String
    /// `o-tmf`, the format the memory came from.
    public var originalFormat: String
    public var adminLanguage: String
    public var dataType: String
    /// `YYYYMMDDThhmmssZ`; also written on every unit that has no date of its own.
    public var creationDate: String?
    /// Further header attributes as read (`o-encoding`, `creationid`, `changedate`...), in file order.
    public var otherAttributes: [TMXAttribute]
    public var properties: [TMXProperty]
    public var notes: [String]

    /// A header for output written by tmkit, dated `SOURCE_DATE_EPOCH` (or now) unless a date is given.
    public init(
        sourceLanguage: LanguageTag, creationToolVersion: String, creationDate: String? = TMXTimestamp.now(),
        segmentType: String = "sentence"
    ) {
        self.init(
            sourceLanguage: sourceLanguage.description, creationTool: "tmkit", creationToolVersion: creationToolVersion,
            segmentType: segmentType, originalFormat: "tmkit", adminLanguage: "en-US", dataType: "plaintext",
            creationDate: creationDate
        )
    }

    public init(
        sourceLanguage: String, creationTool: String, creationToolVersion: String, segmentType: String,
        originalFormat: String, adminLanguage: String, dataType: String, creationDate: String? = nil,
        otherAttributes: [TMXAttribute] = [], properties: [TMXProperty] = [], notes: [String] = []
    ) {
        self.sourceLanguage = sourceLanguage
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.segmentType = segmentType
        self.originalFormat = originalFormat
        self.adminLanguage = adminLanguage
        self.dataType = dataType
        self.creationDate = creationDate
        self.otherAttributes = otherAttributes
        self.properties = properties
        self.notes = notes
    }
}

/// An XML attribute kept as read, so that it can be written back.
public struct TMXAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A TMX `<prop type="NAME">VALUE</prop>`.
public struct TMXProperty: Hashable, Sendable {
    public var type: String
    public var value: String
    /// The prop's own `xml:lang`, rarely used.
    public var language: String?

    public init(type: String, value: String, language: String? = nil) {
        self.type = type
        self.value = value
        self.language = language
    }
}
