package dev.keel.embedded.elasticsearch.node;

import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

/**
 * Adds the {@code asciifolding} token filter, which production clusters get from the unpublished
 * analysis-common module, so one set of index settings works on both.
 */
public class AsciiFoldingPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("asciifolding", (index, environment, name, settings) ->
            new AsciiFoldingFilterFactory(name, settings.getAsBoolean("preserve_original", false)));
    }
}
