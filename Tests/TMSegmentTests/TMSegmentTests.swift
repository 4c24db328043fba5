import Testing
@testable import TMSegment

@Test func moduleLoads() {
    #expect(Bool(true))
}
