import Foundation
import Testing
@testable import TMCheck

/// Opens the HTML report in a real headless browser (Debian's `chromium`), takes a screenshot and reads back the
/// DOM after the page's script applied a filter from the address. Skipped, with the reason, without chromium.
enum Browser {
    static let path: String? = {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return nil
    }()

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--hide-scrollbars"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite(.enabled(if: Browser.path != nil, "chromium is not installed (apt-get install chromium); browser test skipped"))
struct HTMLBrowserTests {
    static func report() throws -> URL {
        let units = [
            unit("It has 5,800 lines.", "Es hat 5.900 Zeilen.", id: "7"),
            unit("Open the file now", "Open the file now", id: "8"),
            unit("Click <b>here</b>", "Klicken Sie <b>hier", id: "9"),
        ]
        let html = HTMLReporter.render(CheckReport(findings: Checker().check(units), unitCount: 3))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tmkit-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("report.html")
        try Data(html.utf8).write(to: url)
        return url
    }

    @Test func filterFromTheAddressHidesOtherRules() throws {
        let page = try Self.report()
        let dom = try Browser.run(["--dump-dom", page.absoluteString + "#rule=number-mismatch"])
        let rows = dom.components(separatedBy: "<tr class=\"finding").dropFirst()
        #expect(rows.count == 3)
        for row in rows {
            let visible = !row.prefix(while: { $0 != ">" }).contains("hidden")
            #expect(visible == row.contains("data-rule=\"number-mismatch\""))
        }
        #expect(dom.contains("1 of 3 findings shown"))
        #expect(dom.contains("<mark>5.900</mark>"))
    }

    @Test func screenshotShowsThePage() throws {
        let page = try Self.report()
        let shot = page.deletingLastPathComponent().appendingPathComponent("report.png")
        _ = try Browser.run(["--screenshot=\(shot.path)", "--window-size=1200,700", page.absoluteString])
        let data = try Data(contentsOf: shot)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(data.count > 10_000)
        // Keep a copy for people to look at.
        print("HTML report screenshot: \(shot.path)")
    }
}
