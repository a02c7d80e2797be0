package org.tocsin.takedowns.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One thing hidden by a platform moderator. The id is {@code kind:targetId}, so hiding twice is one
 * document. {@code byUserId} is the moderator; nothing about who reported it.
 */
@Document("takedowns")
public record TakedownDocument(@Id String id, String kind, String targetId, String byUserId, Instant at) {}
