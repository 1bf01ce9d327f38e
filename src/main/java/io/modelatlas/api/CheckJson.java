package io.modelatlas.api;

import io.modelatlas.check.CheckReport;
import io.modelatlas.check.Claim;
import io.modelatlas.check.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of an article check: {@code {claims: [{line, column, text, kind, models, stated, actual, verdict, sources}], summary}}. */
public record CheckJson(String name, List<ClaimJson> claims, Map<String, Integer> summary, boolean anyWrong) {

    public record ClaimJson(int line, int column, String text, String kind, List<String> models, String stated, String actual, String verdict,
                            String correction, List<SourceJson> sources) {
        static ClaimJson from(Claim c) {
            return new ClaimJson(c.line(), c.column(), c.text(), c.kind().jsonName(), c.models(), c.stated(), c.actual(), c.verdict().label(),
                    c.correction(), c.sources().stream().map(SourceJson::from).distinct().toList());
        }
    }

    public static CheckJson from(CheckReport report) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("claims", report.claims().size());
        for (Map.Entry<Verdict, Integer> e : report.summary().entrySet()) {
            summary.put(e.getKey().label(), e.getValue());
        }
        return new CheckJson(report.name(), report.claims().stream().map(ClaimJson::from).toList(), summary, report.anyWrong());
    }
}
