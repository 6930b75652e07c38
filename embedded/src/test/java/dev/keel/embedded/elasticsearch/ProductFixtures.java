package dev.keel.embedded.elasticsearch;

/** A small catalogue with one field of each everyday type. */
final class ProductFixtures {

    static final String INDEX = """
        {
          "settings": {"number_of_shards": 1, "number_of_replicas": 0},
          "mappings": {"properties": {
            "category": {"type": "keyword"},
            "name": {"type": "text"},
            "stock": {"type": "long"},
            "added": {"type": "date"}
          }}
        }""";

    static final String THREE_PRODUCTS = """
        {"index": {"_id": "kettle"}}
        {"category": "kitchen", "name": "Copper kettle", "stock": 12, "added": "2025-03-01T10:00:00Z"}
        {"index": {"_id": "teapot"}}
        {"category": "kitchen", "name": "Stoneware teapot", "stock": 4, "added": "2025-03-02T10:00:00Z"}
        {"index": {"_id": "rake"}}
        {"category": "garden", "name": "Leaf rake", "stock": 7, "added": "2025-03-03T10:00:00Z"}
        """;

    private ProductFixtures() {
    }
}
