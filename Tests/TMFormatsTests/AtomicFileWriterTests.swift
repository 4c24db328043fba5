import Foundation
import Testing
@testable import TMFormats

@Suite struct AtomicFileWriterTests {
    @Test func createsDirectoriesAndRenamesOnCommit() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory + "/a/b/out.txt"
        let writer = try AtomicFileWriter(path: path)
        try writer.write("hello ")
        #expect(Fixtures.files(in: directory + "/a/b").count == 1)
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.write("world\n")
        try writer.commit()
        #expect(try Fixtures.text(path) == "hello world\n")
        #expect(Fixtures.files(in: directory + "/a/b") == ["out.txt"])
    }

    @Test func droppedWriterLeavesOldFileAndNoTemporary() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory + "/out.txt"
        try AtomicFileWriter.write("old\n", to: path)
        do {
            let writer = try AtomicFileWriter(path: path)
            try writer.write("new, but interrupted")
            writer.discard()
        }
        #expect(try Fixtures.text(path) == "old\n")
        #expect(Fixtures.files(in: directory) == ["out.txt"])
    }

    @Test func unwritableDestinationIsALocatedError() throws {
        let directory = try Fixtures.temporaryDirectory()
        try AtomicFileWriter.write("x", to: directory + "/file")
        let error = #expect(throws: FormatError.self) { _ = try AtomicFileWriter(path: directory + "/file/inside.txt") }
        #expect(error?.description.hasPrefix(directory + "/file/inside.txt: ") == true)
    }
}
