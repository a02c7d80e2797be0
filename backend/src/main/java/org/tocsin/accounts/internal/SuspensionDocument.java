package org.tocsin.accounts.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A suspended account (the id is the user's): it cannot sign in until a platform admin lifts it. */
@Document("suspensions")
public record SuspensionDocument(@Id String userId, String byUserId, Instant at) {}
