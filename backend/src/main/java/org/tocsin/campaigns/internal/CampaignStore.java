package org.tocsin.campaigns.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Set;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The campaigns feature's MongoDB access. */
@Component
public class CampaignStore implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    CampaignStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(CampaignDocument.class)
                .createIndex(new Index().on("slug", Sort.Direction.ASC).unique())
                .block();
    }

    public Mono<CampaignDocument> insert(CampaignDocument campaign) {
        return mongo.insert(campaign);
    }

    public Mono<CampaignDocument> save(CampaignDocument campaign) {
        return mongo.save(campaign);
    }

    public Mono<CampaignDocument> bySlug(String slug) {
        return mongo.findOne(Query.query(where("slug").is(slug)), CampaignDocument.class);
    }

    public Mono<CampaignDocument> byId(String id) {
        return mongo.findById(id, CampaignDocument.class);
    }

    /**
     * Campaigns that have not ended before {@code today} (ISO dates compare as strings), soonest first,
     * leaving out those of the {@code hiddenOrganizations}.
     */
    public Flux<CampaignDocument> current(String today, Set<String> hiddenOrganizations, int limit) {
        return mongo.find(
                Query.query(new Criteria()
                                .orOperator(
                                        where("endsOn").isNull(),
                                        where("endsOn").gte(today))
                                .and("organizationId")
                                .nin(hiddenOrganizations))
                        .with(Sort.by("startsOn", "slug"))
                        .limit(limit),
                CampaignDocument.class);
    }

    /** The campaigns an organization runs. */
    public Flux<CampaignDocument> runBy(String organizationId) {
        return mongo.find(Query.query(where("organizationId").is(organizationId)), CampaignDocument.class);
    }

    public Mono<Long> deleteRunBy(String organizationId) {
        return mongo.remove(Query.query(where("organizationId").is(organizationId)), CampaignDocument.class)
                .map(r -> r.getDeletedCount());
    }
}
