import Foundation
import TMCore
import TMFormats

/// One libFuzzer entry point for every reader; `TMFUZZ_TARGET` picks the reader (see `Fuzz/README.md`).
///
/// Each reader gets the bytes as a file's contents and must either return or throw its typed error: a crash, a
/// trap (overflow, out-of-range index, force unwrap) or a hang is a bug. The error's text is formatted too, since
/// that is what a user sees.
enum FuzzTarget: String, CaseIterable {
    case tmx, tbx, xliff, po, tsv, csv, text, srx

    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["TMFUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("TMFUZZ_TARGET must be one of: \(names)\n".utf8))
            exit(64)
        }
        return target
    }()

    static let english = LanguageTag("en")
    static let azerbaijani = LanguageTag("az")

    func run(_ bytes: [UInt8]) {
        let path = "fuzz-input"
        switch self {
        case .tmx:
            do {
                var reader = try TMXReader(contents: bytes, path: path)
                var units: [TMXUnit] = []
                while let unit = try reader.next() { units.append(unit) }
                _ = reader.warnings.map(\.description)
                for unit in units {
                    for variant in unit.variants { _ = variant.segment.text }
                }
            } catch {
                _ = error.description
            }
        case .tbx:
            do {
                let glossary = try TBXReader.read(contents: bytes, path: path)
                _ = glossary.entries.count
            } catch {
                _ = error.description
            }
        case .xliff:
            do {
                _ = try XLIFFReader.translationUnits(contents: bytes, path: path)
            } catch {
                _ = error.description
            }
        case .po:
            do {
                _ = try POReader.translationUnits(text: String(decoding: bytes, as: UTF8.self), path: path)
            } catch {
                _ = error.description
            }
        case .tsv:
            let text = String(decoding: bytes, as: UTF8.self)
            if let english = Self.english, let azerbaijani = Self.azerbaijani {
                do {
                    var reader = DelimitedTextGlossaryReader(sourceLanguage: english, targetLanguage: azerbaijani)
                    reader.groupsBySource = false
                    _ = try reader.read(text, file: path)
                } catch {
                    _ = error.description
                }
            }
            do { _ = try DelimitedTextGlossaryReader().read(text, file: path) } catch { _ = error.description }
            do { _ = try DelimitedTextUnitReader().read(text, file: path) } catch { _ = error.description }
        case .csv:
            let text = String(decoding: bytes, as: UTF8.self)
            do { _ = try DelimitedTextGlossaryReader(delimiter: ";").read(text, file: path) } catch { _ = error.description }
            do {
                _ = try DelimitedTextGlossaryReader(delimiter: ",").read(text, file: path)
            } catch {
                _ = error.description
            }
        case .text:
            do {
                let text = try PlainTextReader.decode(Data(bytes), file: path)
                _ = PlainTextReader.paragraphs(in: text)
            } catch {
                _ = "\(error)"
            }
        case .srx:
            do {
                _ = try SRXReader.read(bytes: bytes, file: path)
            } catch {
                _ = error.description
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's entry point as `<Target>_main` (and points `main` at it), so libFuzzer's
/// own `main` is not used: this one hands the command line to libFuzzer's driver.
@_cdecl("TMFuzz_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { start, count in
        fuzzTestOneInput(start, count)
    }
}
