package dev.keel.bench.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's figures: {@code results.json}, the same as a table on stdout, and as Markdown for the README. */
public final class Report {

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    public void header(String key, Object value) {
        header.put(key, value);
    }

    public void add(Figure figure) {
        figures.add(figure);
    }

    /** Puts the figures in this order of names; unknown names go last. */
    public void sort(List<String> names) {
        figures.sort(java.util.Comparator.comparingInt(f -> names.contains(f.name()) ? names.indexOf(f.name()) : names.size()));
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> document = new LinkedHashMap<>(header);
        document.put("figures", figures.stream().map(Report::entry).toList());
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(directory.resolve("results.json"), json.writeValueAsString(document) + "\n");
        Files.writeString(directory.resolve("results.md"), markdown());
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        String row = "%-22s %12s %-9s %12s %-11s %8s %6s %-4s%n";
        out.append(String.format(Locale.ROOT, row, "figure", "value", "unit", "baseline", "unit", "ratio", "goal", "met"));
        for (Figure f : figures) {
            out.append(String.format(Locale.ROOT, row, f.name(), number(f.value()), f.unit(),
                    f.baseline() == null ? "-" : number(f.baseline()), f.baselineUnit() == null ? "" : f.baselineUnit(),
                    f.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.ratio()),
                    f.goal() == null ? "-" : f.goal().toString(), f.met() == null ? "-" : f.met() ? "yes" : "NO"));
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("| figure | value | baseline | ratio | goal | met |\n|---|---:|---:|---:|---|---|\n");
        for (Figure f : figures) {
            out.append("| `").append(f.name()).append("` | ").append(number(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.baseline() == null ? "-" : number(f.baseline()) + " " + f.baselineUnit()
                            + " (" + f.baselineName() + ")")
                    .append(" | ").append(f.ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.goal() == null ? "-" : "ratio " + f.goal())
                    .append(" | ").append(f.met() == null ? "-" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    private static Map<String, Object> entry(Figure f) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", f.name());
        entry.put("value", round(f.value()));
        entry.put("unit", f.unit());
        entry.put("baseline", f.baseline() == null ? null : round(f.baseline()));
        entry.put("baselineUnit", f.baselineUnit());
        entry.put("baselineName", f.baselineName());
        entry.put("ratio", f.ratio() == null ? null : Math.round(f.ratio() * 1000) / 1000.0);
        entry.put("goal", f.goal() == null ? null : "ratio " + f.goal());
        entry.put("met", f.met());
        entry.put("details", f.details());
        return entry;
    }

    private static double round(double value) {
        return value >= 100 ? Math.round(value) : Math.round(value * 100) / 100.0;
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
