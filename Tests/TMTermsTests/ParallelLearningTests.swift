import TMCore
import Testing
@testable import TMTerms

/// A made-up English–Spanish corpus of software messages, large enough (3,200 pairs) for the learner's
/// large-input path and for many chunks of work per thread: names, acronyms, numbers and ordinary words, in
/// sentences drawn by a seeded generator.
private enum SyntheticCorpus {
    static let en = LanguageTag("en")!
    static let es = LanguageTag("es")!

    static let nouns: [(String, String)] = [
        ("file", "archivo"), ("folder", "carpeta"), ("printer", "impresora"), ("window", "ventana"),
        ("user account", "cuenta de usuario"), ("password", "contraseña"), ("network", "red"),
        ("disk", "disco"), ("partition table", "tabla de particiones"), ("keyboard", "teclado"),
        ("device", "dispositivo"), ("server", "servidor"), ("package", "paquete"), ("menu", "menú"),
    ]
    static let verbs: [(String, String)] = [
        ("Cannot open", "No se puede abrir"), ("Failed to delete", "No se pudo eliminar"),
        ("Select", "Seleccione"), ("Remove", "Quite"), ("Configure", "Configure"),
    ]
    static let names: [(String, String)] = [
        ("GNOME", "GNOME"), ("Debian", "Debian"), ("Linux", "Linux"), ("Ubuntu", "Ubuntu"),
        ("CUPS", "CUPS"), ("London", "Londres"), ("Spain", "España"), ("Germany", "Alemania"),
    ]

    static func units(count: Int) -> [TranslationUnit] {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { index in
            let verb = verbs[next(verbs.count)], noun = nouns[next(nouns.count)], name = names[next(names.count)]
            let number = next(40)
            let source: String, target: String
            switch next(3) {
            case 0:
                source = "\(verb.0) the \(noun.0) on \(name.0) \(number)."
                target = "\(verb.1) el \(noun.1) en \(name.1) \(number)."
            case 1:
                source = "The \(noun.0) of \(name.0) is not available."
                target = "El \(noun.1) de \(name.1) no está disponible."
            default:
                let other = nouns[next(nouns.count)]
                source = "\(verb.0) the \(noun.0) and the \(other.0)"
                target = "\(verb.1) el \(noun.1) y el \(other.1)"
            }
            return TranslationUnit(id: "\(index + 1)", source: source, target: target, sourceLanguage: en,
                                   targetLanguage: es)
        }
    }
}

/// The glossary does not depend on the number of threads: work split by sentence pairs is merged with sums and
/// minima, and the aligner's floating-point sums keep their order.
@Test func glossaryIsTheSameOnOneAndFourThreads() throws {
    let units = SyntheticCorpus.units(count: 3200)
    let learner = TermLearner(sourceLanguage: SyntheticCorpus.en, targetLanguage: SyntheticCorpus.es)
    let single = learner.learn(from: units, threads: 1)
    #expect(single.entries.count >= 10)
    #expect(single.entries.contains { entry in
        entry.sourceTerms.contains { $0.text == "printer" } && entry.targetTerms.contains { $0.text == "impresora" }
    }, "\(single.entries.map { ($0.sourceTerms.map(\.text), $0.targetTerms.map(\.text)) })")
    let four = learner.learn(from: units, threads: 4)
    #expect(four == single)
    // The task-local count gives the same glossary as the argument.
    let two = TermLearningThreads.$count.withValue(2) { learner.learn(from: units) }
    #expect(two == single)
}

@Test func sampleGlossaryIsTheSameOnOneAndFourThreads() throws {
    let learner = TermLearner(sourceLanguage: Sample.az, targetLanguage: Sample.en)
    let units = try Sample.units()
    let one = learner.learn(from: units, threads: 1)
    let four = learner.learn(from: units, threads: 4)
    #expect(one.entries.count == 27)
    #expect(Sample.render(one) == Sample.render(four))
    #expect(one == four)
}

@Test func workerPoolMapsEveryTaskOnceInOrder() {
    for threads in [1, 2, 3, 8] {
        let pool = WorkerPool(threads: threads)
        #expect(pool.map(tasks: 100) { $0 * $0 } == (0..<100).map { $0 * $0 })
        #expect(pool.map(tasks: 0) { $0 }.isEmpty)
        let tallies = pool.run(tasks: 57, state: { [Int]() }) { seen, task in seen.append(task) }
        #expect(tallies.count <= threads)
        #expect(tallies.flatMap { $0 }.sorted() == Array(0..<57))
    }
    #expect(WorkerPool.ranges(of: 10, size: 4) == [0..<4, 4..<8, 8..<10])
    #expect(WorkerPool.ranges(of: 0, size: 4).isEmpty)
}
