package dev.keel.app.architecture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads table names out of SQL: the tables a migration creates, and the tables the SQL in a Java
 * file's string literals (text blocks included) reads or writes. Keel writes SQL keywords in upper
 * case, so prose ("read from account") is not taken for a statement.
 */
final class SqlText {

    private static final Pattern CREATE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"((?:\\\\.|[^\"\\\\])*)\"");
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?|ALTER\\s+TABLE|DROP\\s+TABLE(?:\\s+IF\\s+EXISTS)?)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern READ = Pattern.compile("(?<!DELETE\\s)\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");

    private SqlText() {
    }

    static Set<String> createdTables(String migration) {
        Set<String> tables = new LinkedHashSet<>();
        Matcher matcher = CREATE.matcher(migration);
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return tables;
    }

    static List<SqlUse> uses(String file, String java) {
        List<String> literals = new ArrayList<>();
        Matcher blocks = TEXT_BLOCK.matcher(java);
        while (blocks.find()) {
            literals.add(blocks.group(1));
        }
        Matcher strings = LITERAL.matcher(TEXT_BLOCK.matcher(java).replaceAll(""));
        while (strings.find()) {
            literals.add(strings.group(1));
        }
        List<SqlUse> uses = new ArrayList<>();
        for (String literal : literals) {
            find(WRITE, literal).forEach(table -> uses.add(new SqlUse(table, true, file)));
            find(READ, literal).forEach(table -> uses.add(new SqlUse(table, false, file)));
        }
        return uses;
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
