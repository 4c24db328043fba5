import TMCore

/// Renders a report as one self-contained HTML page (inline CSS and script, no network): a table of findings
/// that a reviewer can filter by rule and severity (and by text), with the offending spans highlighted.
///
/// The filters can be preset from the address: `report.html#rule=number-mismatch&severity=error`.
public enum HTMLReporter {
    public static func render(_ report: CheckReport, title: String = "tmkit check") -> String {
        var rows = ""
        for (k, f) in report.findings.enumerated() {
            rows += "<tr class=\"finding sev-\(f.severity.rawValue)\" data-rule=\"\(escape(f.rule))\" "
                + "data-severity=\"\(f.severity.rawValue)\" id=\"f\(k + 1)\">"
            rows += "<td class=\"sev\">\(f.severity.rawValue)</td>"
            rows += "<td class=\"rule\">\(escape(f.rule))</td>"
            rows += "<td class=\"units\">\(escape(f.units.joined(separator: ", ")))</td>"
            rows += "<td class=\"msg\">\(escape(f.message))</td>"
            rows += "<td class=\"seg\">\(marked(f.source, f.spans, .source))</td>"
            rows += "<td class=\"seg\">\(marked(f.target, f.spans, .target))</td>"
            rows += "</tr>\n"
        }
        let ruleOptions = report.countsByRule.map {
            "<option value=\"\(escape($0.rule))\">\(escape($0.rule)) (\($0.count))</option>"
        }.joined()
        let severityOptions = Severity.allCases.reversed().map {
            "<option value=\"\($0.rawValue)\">\($0.rawValue) (\(report.count($0)))</option>"
        }.joined()
        let summary = "\(report.unitCount) units checked: \(report.count(.error)) errors, "
            + "\(report.count(.warning)) warnings, \(report.count(.info)) infos"
            + (report.ignoredCount > 0 ? ", \(report.ignoredCount) ignored" : "")
            + (report.omittedCount > 0 ? "; only the first \(report.findings.count) findings are listed here "
                + "(\(report.omittedCount) more: use --format json or text for all)" : "")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            h1 { font-size: 1.3em; margin: 0 0 .3em; }
            .summary { margin: 0 0 1em; color: #444; }
            .filters { display: flex; gap: 1em; align-items: center; margin-bottom: 1em; flex-wrap: wrap; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
            th { background: #f4f4f4; position: sticky; top: 0; }
            td.seg { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 13px; }
            td.units { font-family: ui-monospace, monospace; }
            mark { background: #ffd24d; color: #000; outline: 1px solid #c99400; }
            .sev-error td.sev { color: #b00020; font-weight: bold; }
            .sev-warning td.sev { color: #a05a00; }
            .sev-info td.sev { color: #00668a; }
            tr[hidden] { display: none; }
            #shown { color: #444; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="summary" id="summary">\(escape(summary))</p>
            <div class="filters">
            <label>Rule <select id="rule"><option value="">all rules</option>\(ruleOptions)</select></label>
            <label>Severity <select id="severity"><option value="">all severities</option>\(severityOptions)</select></label>
            <label>Text <input id="text" type="search" placeholder="filter by text"></label>
            <span id="shown"></span>
            </div>
            <table>
            <thead><tr><th>Severity</th><th>Rule</th><th>Units</th><th>Message</th><th>Source</th><th>Target</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <script>
            (function () {
              var rule = document.getElementById('rule');
              var severity = document.getElementById('severity');
              var text = document.getElementById('text');
              var shown = document.getElementById('shown');
              var rows = Array.prototype.slice.call(document.querySelectorAll('tr.finding'));
              function apply() {
                var r = rule.value, s = severity.value, t = text.value.toLowerCase(), n = 0;
                rows.forEach(function (row) {
                  var ok = (!r || row.dataset.rule === r) && (!s || row.dataset.severity === s) &&
                           (!t || row.textContent.toLowerCase().indexOf(t) >= 0);
                  row.hidden = !ok;
                  if (ok) { n += 1; }
                });
                shown.textContent = n + ' of ' + rows.length + ' findings shown';
                var hash = [];
                if (r) { hash.push('rule=' + encodeURIComponent(r)); }
                if (s) { hash.push('severity=' + encodeURIComponent(s)); }
                if (history.replaceState) { history.replaceState(null, '', hash.length ? '#' + hash.join('&') : location.pathname); }
              }
              location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
                var kv = pair.split('=');
                if (kv[0] === 'rule') { rule.value = decodeURIComponent(kv[1] || ''); }
                if (kv[0] === 'severity') { severity.value = decodeURIComponent(kv[1] || ''); }
              });
              [rule, severity].forEach(function (el) { el.addEventListener('change', apply); });
              text.addEventListener('input', apply);
              apply();
            })();
            </script>
            </body>
            </html>

            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func marked(_ text: String, _ spans: [Span], _ side: Span.Side) -> String {
        markedPieces(text, spans: spans, side: side).map { piece in
            piece.marked ? "<mark>" + escape(piece.text) + "</mark>" : escape(piece.text)
        }.joined()
    }
}
