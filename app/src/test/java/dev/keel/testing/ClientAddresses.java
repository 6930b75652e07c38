package dev.keel.testing;

import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Requests from client addresses of a test's own. Every address in 127.0.0.0/8 is this machine, so a
 * test that counts per-address limits gets an address nobody else uses, and a flood can come from
 * many addresses at once, as from many phones.
 */
@Component
public class ClientAddresses {

    private final Environment environment;

    ClientAddresses(Environment environment) {
        this.environment = environment;
    }

    /** A loopback address other than 127.0.0.1 (the address of every other test's requests). */
    public static String unique() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /** A client whose requests come from {@code address}, each on a new connection. */
    public WebTestClient from(String address) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(httpClientFrom(address)))
                .baseUrl(baseUrl())
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    public HttpClient httpClientFrom(String address) {
        return HttpClient.create(ConnectionProvider.newConnection())
                .bindAddress(() -> new InetSocketAddress(address, 0));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }
}
