import ArgumentParser
import TMKit

/// The glossary options `tmkit terms learn` and `tmkit terms merge` share: what to write and what to keep.
struct TermsGlossaryOptions: ParsableArguments {
    @Option(help: "Output format: tbx, tbx3, tsv, csv or json.")
    var format: String = "json"

    @Option(help: "Output file ('-' for standard output). Written atomically.")
    var output: String = "-"

    @Option(help: "At most this many learned entries (seed entries come on top).")
    var limit: Int?

    @Option(name: .customLong("min-count"), help: "Drop pairs seen in fewer sentence pairs.")
    var minCount: Int = 1

    @Option(help: "A glossary whose entries are always kept (.tbx, .csv, or source<TAB>target).")
    var seed: String?

    /// `--format` as the pipeline's format.
    func checkedFormat() throws -> TermsOptions.Format {
        guard let format = TermsOptions.Format(format) else {
            throw ValidationError("--format must be tbx, tbx3, tsv, csv or json")
        }
        return format
    }
}
