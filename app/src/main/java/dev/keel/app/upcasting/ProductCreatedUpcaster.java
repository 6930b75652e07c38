package dev.keel.app.upcasting;

import dev.keel.api.catalog.ProductCreated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ProductCreated} revision 1 (the first catalog slice) read as revision 2: products made
 * then had no category, no pictures and no counted stock, so they read as uncategorized, without
 * images, with unlimited stock at level sequence 0 (where their stock row starts, too).
 */
@Component
class ProductCreatedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ProductCreated.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ProductCreated.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class, payload -> {
            payload.putNull("category");
            payload.putArray("imageUrls");
            ObjectNode level = payload.putObject("stockLevel");
            level.set("productId", payload.get("productId"));
            level.putNull("stock");
            level.putNull("available");
            level.put("sequence", 0);
            return payload;
        });
    }
}
