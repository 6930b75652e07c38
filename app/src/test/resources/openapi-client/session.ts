// A mobile app's first session, written against the client generated from Keel's served OpenAPI
// document and nothing else: no hand-written fetch, no casts. It compiles with `tsc --strict` only if
// the document types what Keel sends (a currency is a string, a version is always there).
// Steps print one line each; the test passes the mailed verification token on stdin.
// Then it shops: STAFF create a product with two units, the customer follows the order stream (the
// generated raw method's body, read as Server-Sent Events), quotes a basket, places it, reads the
// order back with its ETag (and gets 304 with If-None-Match), is refused a second order as out of
// stock, cancels the first with If-Match, sees both changes on the stream and in a sync.
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import {
    AccountsApi, CatalogApi, Configuration, MeApi, OrdersApi, ResponseError, SessionsApi, SyncApi,
    ProblemFromJSON, type AccountView, type OrderQuote, type OrderRequest, type OrderView, type Problem,
    type ProductView, type SyncPage, type TokenResponse,
} from "./client";

function env(name: string): string {
    const value = process.env[name];
    if (value === undefined) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

const basePath = env("KEEL_URL");
const email = env("KEEL_EMAIL");
const password = env("KEEL_PASSWORD");
const deviceId = "phone-" + randomUUID().slice(0, 8);

function step(name: string, detail: object = {}): void {
    console.log(JSON.stringify({ step: name, ...detail }));
}

/** Asks again until `attempt` answers, as an app polls a read model that is a moment behind. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 60_000;
    for (;;) {
        try {
            const value = await attempt();
            if (value !== undefined) {
                return value;
            }
        } catch (error) {
            if (!(error instanceof ResponseError) || error.response.status !== 404 || Date.now() > deadline) {
                throw error;
            }
        }
        if (Date.now() > deadline) {
            throw new Error(`gave up waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

/** One block of a Server-Sent Events stream: an event (id, type, data) or a comment. */
interface StreamBlock {
    id?: string;
    event?: string;
    data?: string;
    comment?: string;
}

/**
 * Reads the blocks of an SSE body as they arrive. The generated `streamOrderUpdates` would wait for
 * the stream's end to hand over the text; its raw variant hands over the `Response` at once.
 */
class EventStream {
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
    private readonly decoder = new TextDecoder();
    private buffered = "";

    constructor(response: Response) {
        if (response.body === null) {
            throw new Error("the stream answered no body");
        }
        this.reader = response.body.getReader();
    }

    /** The next block, or an error when none comes before `deadline`. */
    async next(deadline: number): Promise<StreamBlock> {
        for (;;) {
            const end = this.buffered.indexOf("\n\n");
            if (end >= 0) {
                const text = this.buffered.slice(0, end);
                this.buffered = this.buffered.slice(end + 2);
                const block: StreamBlock = {};
                for (const line of text.split("\n")) {
                    const colon = line.indexOf(":");
                    const field = colon < 0 ? line : line.slice(0, colon);
                    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
                    if (field === "") {
                        block.comment = value;
                    } else if (field === "id" || field === "event") {
                        block[field] = value;
                    } else if (field === "data") {
                        block.data = block.data === undefined ? value : block.data + "\n" + value;
                    }
                }
                return block;
            }
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error("no stream event came in time");
            }
            let timer: NodeJS.Timeout | undefined;
            const chunk = await Promise.race([
                this.reader.read(),
                new Promise<never>((_, reject) => {
                    timer = setTimeout(() => reject(new Error("no stream event came in time")), left);
                }),
            ]).finally(() => clearTimeout(timer));
            if (chunk.done) {
                throw new Error("the stream ended");
            }
            this.buffered += this.decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, "\n");
        }
    }

    /** The next event (comments skipped) of `type` for `orderId`. */
    async nextChange(type: string, orderId: string): Promise<{ id: string; status: string; version: number }> {
        const deadline = Date.now() + 60_000;
        for (;;) {
            const block = await this.next(deadline);
            if (block.event === undefined || block.data === undefined || block.id === undefined) {
                continue;
            }
            const data: { orderId: string; status: string; version: number } = JSON.parse(block.data);
            if (block.event === type && data.orderId === orderId) {
                return { id: block.id, status: data.status, version: data.version };
            }
        }
    }
}

/** The problem of a refused call, read as the generated `Problem` type. */
async function problemOf(call: Promise<unknown>, what: string): Promise<{ status: number; problem: Problem }> {
    try {
        await call;
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            throw error;
        }
        return { status: error.response.status, problem: ProblemFromJSON(await error.response.json()) };
    }
    throw new Error(`${what} went through`);
}

async function readLine(): Promise<string> {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
        lines.close();
        return line.trim();
    }
    throw new Error("stdin closed before the verification token came");
}

function signedIn(tokens: TokenResponse): Configuration {
    return new Configuration({ basePath, accessToken: tokens.accessToken });
}

async function main(): Promise<void> {
    const anonymous = new Configuration({ basePath });
    const accounts = new AccountsApi(anonymous);
    const sessions = new SessionsApi(anonymous);

    const registered = await accounts.registerAccount({
        idempotencyKey: randomUUID(),
        registerRequest: { email, password, displayName: "Generated Client" },
    });
    const accountId: string = registered.accountId;
    step("registered", { accountId });

    step("awaiting-verification-token");
    const token = await readLine();
    const verified: TokenResponse = await accounts.verifyEmail({
        verificationRequest: { token, password, deviceId: deviceId + "-signup" },
    });
    if (verified.accountId !== accountId) {
        throw new Error(`verification signed in another account: ${verified.accountId}`);
    }
    step("verified");

    const login: TokenResponse = await sessions.logIn({ loginRequest: { email, password, deviceId } });
    const expiresIn: number = login.expiresIn;
    step("logged-in", { sessionId: login.sessionId, expiresIn });

    const refreshed = await sessions.refreshSession({ refreshRequest: { refreshToken: login.refreshToken, deviceId } });
    if (refreshed.refreshToken === login.refreshToken || refreshed.sessionId !== login.sessionId) {
        throw new Error("a refresh must rotate the refresh token within the same session");
    }
    step("refreshed");

    const me: AccountView = await eventually("the verified account", async () => {
        const account = await new MeApi(signedIn(refreshed)).findMyAccount();
        return account.emailVerified ? account : undefined;
    });
    if (me.accountId !== accountId || me.email !== email) {
        throw new Error(`GET /v1/me answered another account: ${JSON.stringify(me)}`);
    }
    step("read-me", { roles: [...me.roles] });

    const staff = await sessions.logIn({
        loginRequest: { email: env("KEEL_STAFF_EMAIL"), password: env("KEEL_STAFF_PASSWORD"), deviceId: "staff-desk" },
    });
    const catalog = new CatalogApi(signedIn(staff));
    const created = await catalog.createProductRaw({
        idempotencyKey: randomUUID(),
        createProductRequest: {
            sku: "GEN-" + randomUUID().slice(0, 8).toUpperCase(),
            name: "Generated client mug",
            price: { amountMinor: 1299, currency: "EUR" },
            stock: 2,
        },
    });
    const { productId } = await created.value();
    step("created-product", { status: created.raw.status, location: created.raw.headers.get("Location") });

    const read = await eventually("the product in the read model", () => catalog.findProductRaw({ productId }));
    const product: ProductView = await read.value();
    const currency: string = product.price.currency;
    const version: number = product.version;
    const available: number | null = product.available;
    const etag = read.raw.headers.get("ETag");
    if (currency !== "EUR" || version !== 0 || etag !== '"0"' || !(product.createdAt instanceof Date)
        || available !== 2) {
        throw new Error(`unexpected product ${JSON.stringify(product)} with ETag ${etag}`);
    }
    step("read-product", { currency, version, etag, available });

    const changed = await catalog.changeProductPrice({
        productId, idempotencyKey: randomUUID(), ifMatch: etag, moneyInput: { amountMinor: 999, currency: "EUR" },
    });
    step("changed-price", { version: changed.version });

    const stale = await problemOf(catalog.changeProductPrice({
        productId, idempotencyKey: randomUUID(), ifMatch: etag, moneyInput: { amountMinor: 899, currency: "EUR" },
    }), "a change with a stale If-Match");
    const currentVersion: number | undefined = stale.problem.currentVersion;
    if (stale.status !== 409 || stale.problem.type !== "/problems/version-conflict" || currentVersion !== 1) {
        throw new Error(`unexpected problem ${stale.status} ${JSON.stringify(stale.problem)}`);
    }
    step("version-conflict", { type: stale.problem.type, status: stale.problem.status, currentVersion });

    await shop(new OrdersApi(signedIn(refreshed)), new SyncApi(signedIn(refreshed)), productId);
    step("session-ok");
}

/** A customer's order of the product STAFF created with two units, priced at 999 EUR by now. */
async function shop(orders: OrdersApi, sync: SyncApi, productId: string): Promise<void> {
    const basket = (quantity: number): OrderRequest => ({
        lines: [{ productId, quantity }],
        shippingAddress: { recipient: "Generated Client", line1: "Hauptstrasse 1", city: "Berlin", country: "DE" },
    });

    const closeStream = new AbortController();
    const streamed = await orders.streamOrderUpdatesRaw({}, { signal: closeStream.signal });
    const events = new EventStream(streamed.raw);
    const first = await events.next(Date.now() + 60_000);
    step("stream-open", { contentType: streamed.raw.headers.get("Content-Type"), first: first.comment });

    const quote: OrderQuote = await orders.quoteOrder({ orderRequest: basket(1) });
    const quotedTotal: number = quote.totals.total.amountMinor;
    if (quote.totals.subtotal.amountMinor !== 999 || quote.totals.total.currency !== "EUR" || quote.taxCountry !== "DE") {
        throw new Error(`unexpected quote ${JSON.stringify(quote)}`);
    }
    step("quoted", { subtotal: quote.totals.subtotal.amountMinor, total: quotedTotal, currency: quote.totals.total.currency });

    const placedRaw = await orders.placeOrderRaw({ idempotencyKey: randomUUID(), orderRequest: basket(1) });
    const placed: OrderView = await placedRaw.value();
    const orderId: string = placed.orderId;
    const location = placedRaw.raw.headers.get("Location");
    const placedTag = placedRaw.raw.headers.get("ETag");
    if (placedRaw.raw.status !== 201 || location !== `/v1/orders/${orderId}` || placedTag !== '"0"'
        || placed.status !== "PLACED" || placed.totals.total.amountMinor !== quotedTotal
        || !(placed.placedAt instanceof Date)) {
        throw new Error(`unexpected placement ${placedRaw.raw.status} ${location} ${placedTag} ${JSON.stringify(placed)}`);
    }
    step("placed-order", { status: placedRaw.raw.status, orderStatus: placed.status, total: placed.totals.total.amountMinor });

    const readBack = await eventually("the order in the read model", () => orders.findOrderRaw({ orderId }));
    const order: OrderView = await readBack.value();
    const etag = readBack.raw.headers.get("ETag");
    if (etag !== placedTag || order.version !== 0 || order.lines[0].productId !== productId
        || order.promotionCode !== null) {
        throw new Error(`unexpected order ${etag} ${JSON.stringify(order)}`);
    }
    step("read-order", { etag, orderStatus: order.status });

    // typescript-fetch treats every status outside 2xx as an error, 304 included
    const unchanged = await problemOrStatus(orders.findOrderRaw({ orderId, ifNoneMatch: etag }));
    if (unchanged !== 304) {
        throw new Error(`If-None-Match with the current ETag answered ${unchanged}`);
    }
    step("not-modified", { status: unchanged });

    const refused = await problemOf(orders.placeOrder({ idempotencyKey: randomUUID(), orderRequest: basket(2) }),
        "an order for more than is in stock");
    const left: number | undefined = refused.problem.available;
    const asked: number | undefined = refused.problem.requested;
    if (refused.status !== 409 || refused.problem.type !== "/problems/out-of-stock" || left !== 1 || asked !== 2
        || refused.problem.productId !== productId) {
        throw new Error(`unexpected problem ${refused.status} ${JSON.stringify(refused.problem)}`);
    }
    step("out-of-stock", { type: refused.problem.type, available: left, requested: asked });

    const cancelled = await orders.cancelOrder({ orderId, idempotencyKey: randomUUID(), ifMatch: etag });
    if (cancelled.status !== "CANCELLED" || cancelled.version !== 1) {
        throw new Error(`unexpected cancellation ${JSON.stringify(cancelled)}`);
    }
    step("cancelled", { orderStatus: cancelled.status, version: cancelled.version });

    const placedEvent = await events.nextChange("OrderPlaced", orderId);
    const cancelledEvent = await events.nextChange("OrderCancelled", orderId);
    closeStream.abort();
    step("streamed", { placed: placedEvent.status, cancelled: cancelledEvent.status, version: cancelledEvent.version });

    const synced = await eventually("the cancellation in a sync", async () => {
        let since = Number(placedEvent.id);
        for (;;) {
            const page: SyncPage = await sync.syncChanges({ since, limit: 500 });
            const mine = page.orders.find((candidate) => candidate.orderId === orderId);
            if (mine !== undefined || !page.more) {
                return mine?.status === "CANCELLED" ? mine : undefined;
            }
            since = page.position;
        }
    });
    step("synced", { orderStatus: synced.status, version: synced.version });
}

/** The status a call answered: its own when it succeeded, the error's when the client threw. */
async function problemOrStatus(call: Promise<{ raw: Response }>): Promise<number> {
    try {
        return (await call).raw.status;
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            throw error;
        }
        return error.response.status;
    }
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error instanceof ResponseError ? `${error.message}: ${error.response.status}` : error);
    process.exit(1);
});
