import Testing
@testable import TMFormats

@Test func moduleLoads() {
    #expect(Bool(true))
}
