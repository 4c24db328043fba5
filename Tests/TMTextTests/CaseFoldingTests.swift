import TMCore
import Testing
@testable import TMText

private let turkish = LanguageTag("tr")!
private let azerbaijani = LanguageTag("az")!
private let english = LanguageTag("en")!
private let german = LanguageTag("de")!
private let kazakh = LanguageTag("kk")!

@Suite struct CaseFoldingTests {
    @Test(arguments: [
        ("ISTANBUL", "ıstanbul"), ("İstanbul", "istanbul"), ("DİYARBAKIR", "diyarbakır"), ("Iğdır", "ığdır"),
    ])
    func turkishLowercasing(upper: String, lower: String) {
        #expect(CaseFolding.lowercased(upper, language: turkish) == lower)
    }

    @Test func azerbaijaniFollowsTurkish() {
        #expect(CaseFolding.lowercased("İLHAM ƏLİYEV", language: azerbaijani) == "ilham əliyev")
        #expect(CaseFolding.lowercased("QIRĞIZISTAN", language: azerbaijani) == "qırğızıstan")
        #expect(CaseFolding.uppercased("işıq", language: azerbaijani) == "İŞIQ")
    }

    @Test func otherLanguagesUseTheDefaultMapping() {
        #expect(CaseFolding.lowercased("ISTANBUL", language: english) == "istanbul")
        #expect(CaseFolding.uppercased("istanbul", language: english) == "ISTANBUL")
        // A dotted capital I from a Turkish name lowers to a plain i, not i + combining dot.
        #expect(CaseFolding.lowercased("İzmir", language: english) == "izmir")
        #expect(CaseFolding.lowercased("ІШКІ", language: kazakh) == "ішкі")
    }

    @Test func caseInsensitiveComparison() {
        #expect(CaseFolding.equalIgnoringCase("DİYARBAKIR", "diyarbakır", language: turkish))
        #expect(!CaseFolding.equalIgnoringCase("DIYARBAKIR", "diyarbakir", language: turkish))
        #expect(CaseFolding.equalIgnoringCase("DIYARBAKIR", "diyarbakir", language: english))
        #expect(CaseFolding.equalIgnoringCase("STRASSE", "Straße", language: german))
        #expect(CaseFolding.equalIgnoringCase("ΟΔΟΣ", "οδός".replacingOccurrences(of: "ό", with: "ο"), language: english))
        // Canonically equivalent spellings compare equal.
        #expect(CaseFolding.equalIgnoringCase("Ə\u{301}", "ə\u{301}", language: azerbaijani))
        #expect(CaseFolding.folded("e\u{301}", language: english) == CaseFolding.folded("É", language: english))
    }
}
