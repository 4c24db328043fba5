import Testing
@testable import TMText

@Test func moduleLoads() {
    #expect(Bool(true))
}
