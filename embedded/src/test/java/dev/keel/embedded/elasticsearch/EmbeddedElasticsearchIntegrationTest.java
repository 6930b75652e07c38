package dev.keel.embedded.elasticsearch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedElasticsearchIntegrationTest {

    private final ElasticsearchHttp http = new ElasticsearchHttp(EmbeddedElasticsearch.sharedEphemeral());

    @Test
    void answersTheRootEndpointLikeARealNode() {
        var info = http.get("/?pretty=false");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(info.body()).contains("\"cluster_name\":\"keel-embedded\"", "\"number\":\"9.5.3\"",
            "\"lucene_version\":", "\"minimum_wire_compatibility_version\":", "\"tagline\":\"You Know, for Search\"")
            .doesNotContain("\"cluster_uuid\":\"_na_\"");
        assertThat(http.head("/").statusCode()).isEqualTo(200);
    }

    @Test
    void searchesAndAggregatesIndexedDocuments() {
        assertThat(http.put("/products", ProductFixtures.INDEX).statusCode()).isEqualTo(200);
        assertThat(http.bulk("/products/_bulk", ProductFixtures.THREE_PRODUCTS).body()).contains("\"errors\":false");
        assertThat(http.post("/products/_refresh", "").statusCode()).isEqualTo(200);

        var matched = http.post("/products/_search?filter_path=hits.hits._id", """
            {"query": {"match": {"name": "teapot"}}}""");
        var aggregated = http.post("/products/_search?filter_path=aggregations", """
            {"size": 0, "aggs": {"categories": {"terms": {"field": "category"}}}}""");

        assertThat(matched.body()).isEqualTo("{\"hits\":{\"hits\":[{\"_id\":\"teapot\"}]}}");
        assertThat(aggregated.body()).isEqualTo("{\"aggregations\":{\"categories\":{\"doc_count_error_upper_bound\":0,"
            + "\"sum_other_doc_count\":0,\"buckets\":[{\"key\":\"kitchen\",\"doc_count\":2},{\"key\":\"garden\",\"doc_count\":1}]}}}");
    }

    @Test
    void foldsAccentsWithTheAsciifoldingFilterLikeProductionClusters() {
        http.put("/folded", """
            {"settings": {"number_of_replicas": 0, "analysis": {"analyzer": {"folded": {
              "tokenizer": "standard", "filter": ["lowercase", "asciifolding"]}}}}}""");

        var tokens = http.post("/folded/_analyze?filter_path=tokens.token", """
            {"analyzer": "folded", "text": "Crème Brûlée"}""");

        assertThat(tokens.body()).isEqualTo("{\"tokens\":[{\"token\":\"creme\"},{\"token\":\"brulee\"}]}");
    }

    @Test
    void sharesOneNodePerJvm() {
        assertThat(EmbeddedElasticsearch.sharedEphemeral()).isSameAs(EmbeddedElasticsearch.sharedEphemeral());
    }
}
