package dev.keel.embedded.elasticsearch.node;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/** Behaves like analysis-common's filter of the same name, including {@code preserve_original}. */
class AsciiFoldingFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {

    private final boolean preserveOriginal;

    AsciiFoldingFilterFactory(String name, boolean preserveOriginal) {
        super(name);
        this.preserveOriginal = preserveOriginal;
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ASCIIFoldingFilter(input, preserveOriginal);
    }

    @Override
    public TokenStream normalize(TokenStream input) {
        // a normalizer must emit exactly one token per input token
        return new ASCIIFoldingFilter(input, false);
    }
}
