import Testing
@testable import TMCheck

@Test func moduleLoads() {
    #expect(Bool(true))
}
