import Testing
@testable import TMTerms

@Test func moduleLoads() {
    #expect(Bool(true))
}
