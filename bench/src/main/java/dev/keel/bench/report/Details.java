package dev.keel.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a figure was measured, as ordered name/value pairs in results.json. */
public final class Details {

    private Details() {
    }

    public static Map<String, Object> of(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            details.put((String) pairs[i], pairs[i + 1]);
        }
        return details;
    }
}
