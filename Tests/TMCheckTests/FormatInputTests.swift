import Foundation
import Testing

/// `tmkit check` on TMX, XLIFF and PO inputs (read by TMFormats), end to end.
@Suite(.enabled(if: CLI.available, "build the tmkit product first"))
struct FormatInputTests {
    @Test func sampleTMXHasNoErrorsAndUsesTuids() throws {
        let result = try CLI.run(["kazakhstan-az-en.tmx", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"units\": 17"))
        #expect(result.stdout.contains("\"errors\": 0"))
        #expect(result.stdout.contains("\"kazakhstan-14\""))
    }

    @Test func xliffEmptyTargetIsAnError() throws {
        let result = try CLI.run(["sample-1.2.xlf", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\": \"empty-target\""))
    }

    @Test func poIsRead() throws {
        let result = try CLI.run(["sample.po", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"units\": 4"))
    }

    @Test func plantedTMXErrorsAreFoundAndTheFormatVariantIsNot() throws {
        let result = try CLI.run(["planted.tmx", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"rule\": \"number-mismatch\", \"severity\": \"error\", \"units\": [\"num\"]"))
        #expect(result.stdout.contains("\"rule\": \"placeholder-mismatch\", \"severity\": \"error\", \"units\": [\"ph\"]"))
        #expect(!result.stdout.contains("[\"ok\"]"))
        #expect(result.stdout.contains("\"findings\": 2,"))
    }
}
