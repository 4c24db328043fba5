import Testing
@testable import TMAlign

@Test func moduleLoads() {
    #expect(Bool(true))
}
