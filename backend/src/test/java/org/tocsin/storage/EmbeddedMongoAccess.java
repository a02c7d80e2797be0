package org.tocsin.storage;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** For tests that point a second application context at the first one's embedded MongoDB server. */
public final class EmbeddedMongoAccess {

    private EmbeddedMongoAccess() {}

    /**
     * Gives a second context the secret of {@code first}'s embedded server (which answers no one else);
     * nothing when {@code first} runs on a real MongoDB.
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> credentialOf(ApplicationContext first) {
        return second -> first.getBeanProvider(EmbeddedCredential.class).ifAvailable(credential -> {
            MongoClientSettingsBuilderCustomizer sameCredential =
                    settings -> settings.credential(credential.credential());
            second.getBeanFactory().registerSingleton("embeddedMongoCredentialOfFirst", sameCredential);
        });
    }
}
