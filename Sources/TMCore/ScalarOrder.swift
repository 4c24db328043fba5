extension StringProtocol {
    /// Whether this text comes before `other` in Unicode-scalar order: a strict total order, the same on every
    /// run and file system. String's `<` is not one between a decomposed and a precomposed spelling
    /// (`"Mo\u{301}dulo" < "M\u{F3}dulos"` and the reverse are both false), so a sort by `<` of such texts can
    /// depend on the order they came in.
    public func precedesInScalarOrder(_ other: some StringProtocol) -> Bool {
        unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
    }
}
