// A mobile app's first session, written against the client generated from Keel's served OpenAPI
// document and nothing else: no hand-written fetch, no casts. It compiles with `tsc --strict` only if
// the document types what Keel sends (a currency is a string, a version is always there).
// Steps print one line each; the test passes the mailed verification token on stdin.
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import {
    AccountsApi, CatalogApi, Configuration, MeApi, ResponseError, SessionsApi,
    ProblemFromJSON, type AccountView, type Problem, type ProductView, type TokenResponse,
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
    await accounts.verifyEmail({ idempotencyKey: randomUUID(), verificationRequest: { token } });
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
        },
    });
    const { productId } = await created.value();
    step("created-product", { status: created.raw.status, location: created.raw.headers.get("Location") });

    const read = await eventually("the product in the read model", () => catalog.findProductRaw({ productId }));
    const product: ProductView = await read.value();
    const currency: string = product.price.currency;
    const version: number = product.version;
    const etag = read.raw.headers.get("ETag");
    if (currency !== "EUR" || version !== 0 || etag !== '"0"' || !(product.createdAt instanceof Date)) {
        throw new Error(`unexpected product ${JSON.stringify(product)} with ETag ${etag}`);
    }
    step("read-product", { currency, version, etag });

    const changed = await catalog.changeProductPrice({
        productId, idempotencyKey: randomUUID(), ifMatch: etag, moneyInput: { amountMinor: 999, currency: "EUR" },
    });
    step("changed-price", { version: changed.version });

    try {
        await catalog.changeProductPrice({
            productId, idempotencyKey: randomUUID(), ifMatch: etag, moneyInput: { amountMinor: 899, currency: "EUR" },
        });
        throw new Error("a change with a stale If-Match went through");
    } catch (error) {
        if (!(error instanceof ResponseError)) {
            throw error;
        }
        const problem: Problem = ProblemFromJSON(await error.response.json());
        const currentVersion: number | undefined = problem.currentVersion;
        if (error.response.status !== 409 || problem.type !== "/problems/version-conflict" || currentVersion !== 1) {
            throw new Error(`unexpected problem ${error.response.status} ${JSON.stringify(problem)}`);
        }
        step("version-conflict", { type: problem.type, status: problem.status, currentVersion });
    }
    step("session-ok");
}

main().then(() => process.exit(0), (error: unknown) => {
    console.error(error instanceof ResponseError ? `${error.message}: ${error.response.status}` : error);
    process.exit(1);
});
