package dev.keel.query.sync;

import dev.keel.api.account.AccountId;
import dev.keel.api.catalog.ProductView;
import dev.keel.api.order.OrderView;
import dev.keel.query.catalog.ProductReadModel;
import dev.keel.query.changes.ChangeLogs;
import dev.keel.query.changes.ChangeLogs.Change;
import dev.keel.query.order.OrderReadModel;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a page of the change logs after a position (in commit order, so nothing that committed late
 * is skipped), then the current state of what they name. Each log is written in one transaction with
 * its read model, so the state read is at least as new as the change; a newer one is harmless, the
 * app gets that change again next time.
 */
@Component
class Sync {

    private final ChangeLogs changes;
    private final OrderReadModel orders;
    private final ProductReadModel products;

    Sync(ChangeLogs changes, OrderReadModel orders, ProductReadModel products) {
        this.changes = changes;
        this.orders = orders;
        this.products = products;
    }

    SyncPage since(AccountId customer, long position, int limit) {
        List<Change> found = changes.changesFor(customer, changes.start(position), limit + 1);
        List<Change> page = found.subList(0, Math.min(limit, found.size()));
        Map<UUID, Integer> orderIds = lastIndexes(page, Change.ORDER);
        Map<UUID, Integer> productIds = lastIndexes(page, Change.PRODUCT);
        List<OrderView> changedOrders = orders.mineAmong(customer, orderIds.keySet()).stream()
                .sorted(Comparator.comparing(order -> orderIds.get(order.orderId().value())))
                .toList();
        List<ProductView> changedProducts = products.all(productIds.keySet()).stream()
                .sorted(Comparator.comparing(product -> productIds.get(product.productId().value())))
                .toList();
        long end = page.isEmpty() ? position : page.getLast().position();
        return new SyncPage(changedOrders, changedProducts, end, found.size() > limit);
    }

    /** The ids of one kind in the page, each with the place of its last change: the order to apply them in. */
    private static Map<UUID, Integer> lastIndexes(List<Change> page, String kind) {
        Map<UUID, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < page.size(); i++) {
            if (page.get(i).kind().equals(kind)) {
                last.put(page.get(i).id(), i);
            }
        }
        return last;
    }
}
