import Testing
@testable import TMKit

@Test func moduleLoads() {
    #expect(Bool(true))
}
