package dev.keel.app.audit;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * An event's metadata hashed without its bytes (Axon Server keeps a map of typed values, not bytes):
 * keys sorted, each value with a type tag, every field length-prefixed by {@link ChainHashes}. The
 * types are those a metadata value keeps through Axon Server's map: text, whole numbers (as long, the
 * way Axon Server stores every integral number), decimals (as double), booleans; and the collections
 * and maps Keel puts there (roles), element by element.
 */
final class CanonicalMetadata {

    private CanonicalMetadata() {
    }

    static byte[] digest(Map<String, ?> metadata) {
        ChainHashes digest = ChainHashes.digest().add(metadata.size());
        new TreeMap<>(metadata).forEach((key, value) -> value(digest.add(key), value));
        return digest.finish();
    }

    private static void value(ChainHashes digest, Object value) {
        switch (value) {
            case null -> digest.add("N").add((byte[]) null);
            case CharSequence text -> digest.add("S").add(text.toString());
            case Double decimal -> digest.add("D").add(Double.doubleToLongBits(decimal));
            case Float decimal -> digest.add("D").add(Double.doubleToLongBits(decimal.doubleValue()));
            case Number whole -> digest.add("L").add(whole.longValue());
            case Boolean flag -> digest.add("Z").add(flag ? 1 : 0);
            case Collection<?> values -> {
                digest.add("C").add(values.size());
                values.forEach(element -> value(digest, element));
            }
            case Map<?, ?> map -> {
                digest.add("M").add(map.size());
                new TreeMap<>(map.entrySet().stream().collect(Collectors.toMap(
                        entry -> String.valueOf(entry.getKey()), Map.Entry::getValue)))
                        .forEach((key, element) -> value(digest.add(key), element));
            }
            default -> throw new IllegalArgumentException("Metadata holds a " + value.getClass().getName()
                    + ", which has no canonical form for the audit trail's hash");
        }
    }
}
