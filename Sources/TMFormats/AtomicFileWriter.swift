#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an output file so that it either appears complete or not at all.
///
/// The bytes go to a temporary file next to the destination (`.NAME.RANDOM.tmp`), which `commit()` renames onto the
/// destination. If the writer is dropped without `commit()`, or anything fails, the temporary file is removed, so no
/// partial output is ever left behind. Missing destination directories are created. The path `-` means standard
/// output (written through, nothing to rename).
///
///     var out = try AtomicFileWriter(path: "Exports/sample.tmx")
///     try out.write("<tmx/>\n")
///     try out.commit()
public struct AtomicFileWriter: ~Copyable {
    /// Where the output ends up (`-` for standard output).
    public let path: String
    /// The file being written until `commit()`; nil for standard output.
    public let temporaryPath: String?
    /// The descriptor to write to (for libxml2's output buffers). Owned by this writer: do not close it.
    public let fileDescriptor: Int32
    private var done = false

    /// Opens the temporary file (or standard output for `-`).
    public init(path: String) throws(FormatError) {
        self.path = path
        if path == "-" {
            temporaryPath = nil
            fileDescriptor = STDOUT_FILENO
            return
        }
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw FormatError("not a file name: '\(path)'", file: path)
        }
        let (directory, name) = Self.split(path)
        try Self.makeDirectories(directory, for: path)
        let prefix = (directory.isEmpty ? "" : directory + "/") + "." + name + "."
        // O_EXCL on a random name instead of mkstemp: the file gets the usual mode (0666 less the umask) with no
        // process-wide umask juggling.
        var attempt = 0
        while true {
            let candidate = prefix + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                fileDescriptor = fd
                temporaryPath = candidate
                return
            }
            attempt += 1
            guard errno == EEXIST, attempt < 100 else {
                throw FormatError(
                    "cannot create a file in '\(directory.isEmpty ? "." : directory)': \(Self.lastError())", file: path)
            }
        }
    }

    /// Appends bytes, retrying short writes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FormatError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(fileDescriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FormatError("cannot write: \(Self.lastError())", file: path)
            }
            offset += written
        }
    }

    /// Appends text as UTF-8.
    public func write(_ text: String) throws(FormatError) {
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(FormatError) in try write(buffer) }
        }
        try result.get()
    }

    /// Flushes the data to disk and moves the temporary file onto the destination.
    public consuming func commit() throws(FormatError) {
        try commitInPlace()
    }

    /// `commit()` for owners that hold the writer as a stored property.
    mutating func commitInPlace() throws(FormatError) {
        guard !done else { return }
        done = true
        guard let temporaryPath else { return }
        defer { close(fileDescriptor) }
        if fsync(fileDescriptor) != 0, errno != EINVAL {
            let message = Self.lastError()
            unlink(temporaryPath)
            throw FormatError("cannot write: \(message)", file: path)
        }
        if rename(temporaryPath, path) != 0 {
            let message = Self.lastError()
            unlink(temporaryPath)
            throw FormatError("cannot rename the temporary file into place: \(message)", file: path)
        }
    }

    /// Removes the temporary file: the destination stays as it was.
    public consuming func discard() {
        // deinit does the work.
    }

    deinit {
        guard !done, let temporaryPath else { return }
        close(fileDescriptor)
        unlink(temporaryPath)
    }

    /// Writes a whole file at once, atomically.
    public static func write(_ text: String, to path: String) throws(FormatError) {
        let writer = try AtomicFileWriter(path: path)
        try writer.write(text)
        try writer.commit()
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func makeDirectories(_ directory: String, for path: String) throws(FormatError) {
        guard !directory.isEmpty else { return }
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o777) != 0, errno != EEXIST {
                throw FormatError("cannot create directory '\(partial)': \(lastError())", file: path)
            }
        }
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FormatError("'\(directory)' is not a directory", file: path)
        }
    }

    private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, pointer, count)
        #else
        Darwin.write(fd, pointer, count)
        #endif
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
