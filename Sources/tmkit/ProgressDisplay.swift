import Foundation
import TMKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows a corpus build's progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds
/// when stderr is a file or a pipe, nothing when quiet. Skipped files are printed as they come, one line each.
final class ProgressDisplay: @unchecked Sendable {
    enum Style {
        /// `\r`-redrawn bar with counts and time left.
        case bar
        /// A plain line at most every `interval` seconds, and one at the end.
        case lines
        case off
    }

    private let style: Style
    private let interval: Double
    private let lock = NSLock()
    private var lastShown = -Double.infinity
    private var barVisible = false

    init(style: Style, interval: Double? = nil) {
        self.style = style
        self.interval = interval ?? (style == .bar ? 0.1 : 5)
    }

    /// `.bar` on a terminal (unless `TERM=dumb`), `.lines` otherwise, `.off` when quiet.
    static func automatic(quiet: Bool) -> ProgressDisplay {
        if quiet { return ProgressDisplay(style: .off) }
        let terminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        return ProgressDisplay(style: terminal ? .bar : .lines)
    }

    func handle(_ event: CorpusEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .skipped(let issue):
            // Warnings are shown even with --quiet: the user must know what is missing from the output.
            clearBar()
            Console.warning("\(issue) (skipped)")
        case .step(let text):
            guard style != .off else { return }
            clearBar()
            Console.progress(text)
        case .progress(let snapshot):
            show(snapshot)
        }
    }

    private func show(_ snapshot: ProgressSnapshot) {
        guard style != .off else { return }
        let now = ProcessInfo.processInfo.systemUptime
        guard snapshot.isFinished || now - lastShown >= interval else { return }
        lastShown = now
        switch style {
        case .bar:
            let text = "\r" + Self.bar(snapshot, width: 24) + "  " + Self.counts(snapshot) + "\u{1B}[K"
            FileHandle.standardError.write(Data(text.utf8))
            barVisible = true
            if snapshot.isFinished { clearBar(erase: false) }
        case .lines:
            Console.progress(Self.counts(snapshot))
        case .off:
            break
        }
    }

    /// Ends the bar's line so that the next message starts on a fresh one.
    private func clearBar(erase: Bool = true) {
        guard barVisible else { return }
        FileHandle.standardError.write(Data((erase ? "\r\u{1B}[K" : "\n").utf8))
        barVisible = false
        if erase { lastShown = -Double.infinity }
    }

    /// `[##########..............]  42%`
    static func bar(_ snapshot: ProgressSnapshot, width: Int) -> String {
        let filled = Int((snapshot.fraction * Double(width)).rounded(.down))
        let percent = Int((snapshot.fraction * 100).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent)%"
    }

    /// `1200/10000 documents, 118000 pairs, 3 skipped, 0:42 elapsed, about 5:10 left`
    static func counts(_ snapshot: ProgressSnapshot) -> String {
        var text = "\(snapshot.documentsDone)/\(snapshot.documentsTotal) documents, \(snapshot.sentencePairs) pairs"
        if snapshot.skipped > 0 { text += ", \(snapshot.skipped) skipped" }
        text += ", \(duration(snapshot.elapsed)) elapsed"
        if snapshot.isFinished {
            return text
        }
        if let left = snapshot.secondsLeft {
            text += ", about \(duration(left)) left"
        }
        return text
    }

    /// `0:07`, `12:30`, `1:02:03`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}
