package dev.keel.app.privacy;

import dev.keel.api.account.LinkTokens;
import dev.keel.api.privacy.SealedMetadata;
import dev.keel.command.account.BlindIndex;
import dev.keel.command.account.CryptoShredder;
import dev.keel.command.idempotency.RequestFingerprint;
import dev.keel.projection.analytics.CustomerPseudonyms;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    /**
     * Axon's own serializer beans: the event serializer, which every event store, processor and
     * dead-letter queue uses, and the general one, which stores snapshots (under either profile).
     */
    static final Set<String> ENCRYPTING_SERIALIZERS = Set.of("eventSerializer", "serializer");

    @Bean
    MasterKey masterKey(PrivacyProperties properties,
                        @Value("${keel.data-dir:data}") String dataDir,
                        @Value("${keel.embedded.ephemeral:false}") boolean ephemeral) {
        if (StringUtils.hasText(properties.masterKey())) {
            return MasterKey.fromBase64(properties.masterKey());
        }
        return ephemeral ? DevelopmentMasterKey.ephemeral()
                : DevelopmentMasterKey.keptIn(Path.of(dataDir, "master-key").toAbsolutePath());
    }

    /**
     * Named by aggregates that keep personal data and are snapshotted: a snapshot whose subject's key
     * was erased is skipped, so the aggregate is rebuilt from its events.
     */
    @Bean
    SnapshotFilter personalDataSnapshots(@Qualifier("serializer") Serializer serializer,
                                         ObjectProvider<PersonalDataKeys> keys) {
        PersonalDataSerializer personal = serializer instanceof PersonalDataSerializer wrapped ? wrapped
                : new PersonalDataSerializer(serializer, keys::getObject, new NetworkMetadata(keys::getObject));
        return snapshot -> personal.readable(snapshot.getPayload());
    }

    @Bean
    JdbcPersonalDataKeys personalDataKeys(JdbcClient jdbc, MasterKey masterKey, PlatformTransactionManager transactions) {
        return new JdbcPersonalDataKeys(jdbc, masterKey, transactions);
    }

    @Bean
    ErasedKeysListener erasedKeysListener(DataSource dataSource, JdbcPersonalDataKeys keys) {
        return new ErasedKeysListener(dataSource, keys);
    }

    /** For readers of the audit trail, which keeps the network metadata as stored (sealed). */
    @Bean
    SealedMetadata sealedMetadata(ObjectProvider<PersonalDataKeys> keys) {
        return new NetworkMetadata(keys::getObject);
    }

    /** The command side destroys a key through this when an account is erased. */
    @Bean
    CryptoShredder cryptoShredder(PersonalDataKeys keys) {
        return accountId -> keys.erase(accountId.toString());
    }

    /** The order analytics' customer key, which dies with the person's data key. */
    @Bean
    CustomerPseudonyms customerPseudonyms(PersonalDataKeys keys) {
        return new HmacCustomerPseudonyms(keys);
    }

    @Bean
    BlindIndex blindIndex(MasterKey masterKey) {
        return new HmacBlindIndex(masterKey);
    }

    @Bean
    RequestFingerprint requestFingerprint(MasterKey masterKey) {
        return new RequestFingerprint(masterKey.derive("keel/request-fingerprint/v1"));
    }

    /** Signs mailed links; the mailer (projections) and the command side must share it, as they share this key. */
    @Bean
    LinkTokens linkTokens(MasterKey masterKey) {
        return new LinkTokens(masterKey.derive("keel/mailed-link/v1"));
    }

    /** Wraps Axon's serializers as built (type validator and all), keys fetched on first use. */
    @Bean
    static BeanPostProcessor encryptPersonalDataInEventsAndSnapshots(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (ENCRYPTING_SERIALIZERS.contains(name) && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, keys::getObject, new NetworkMetadata(keys::getObject));
                }
                return bean;
            }
        };
    }

    /**
     * On the event bus itself, so every event, whoever publishes it, names the owner of its network
     * metadata and has it sealed before any event store sees it.
     */
    @Bean
    static BeanPostProcessor sealNetworkMetadataOnPublish(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventBus events) {
                    events.registerDispatchInterceptor(new NetworkMetadataOwner(new NetworkMetadata(keys::getObject)));
                }
                return bean;
            }
        };
    }
}
